import Foundation
import GSelIO
import XCTest
import _TestSupport

/// Malformed HDF5 inputs end in one `InputError` naming the file, the HDF5 path and what was expected.
final class HDF5ErrorTests: XCTestCase {
    private func error(_ name: String, options: ReaderOptions = ReaderOptions()) -> InputError? {
        let path = GSelProcess.testData("h5/\(name)")
        do {
            _ = try InputFormat.reader(for: path).load(options: options)
            XCTFail("\(name) loaded without error")
            return nil
        } catch let e as InputError {
            XCTAssertEqual(e.file, path)
            return e
        } catch {
            XCTFail("\(name): not an InputError: \(error)")
            return nil
        }
    }

    func testTextFileNamedH5() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("matrix.h5", "gene\ts1\nA\t1\n")
        XCTAssertThrowsError(try InputFormat.reader(for: path)) { e in
            XCTAssertEqual((e as? InputError)?.file, path)
            XCTAssertTrue("\(e)".contains("not an HDF5 file"), "\(e)")
        }
    }

    func testMissingFile() {
        XCTAssertThrowsError(try InputFormat.reader(for: "/nonexistent/x.h5ad")) { e in
            XCTAssertTrue("\(e)".contains("No such file"), "\(e)")
        }
    }

    func testMissingDatasetSaysWhatIsThere() {
        var options = ReaderOptions()
        options.decoding.dataset = "/data/exprs"
        let e = error("plain_sxf.h5", options: options)
        XCTAssertEqual(e?.location, "/data/exprs")
        XCTAssertEqual(e?.message, "no dataset /data/exprs; /data has: expr, genes, label, samples")
    }

    func testH5adWithoutX() {
        let e = error("no_x.h5ad")
        XCTAssertEqual(e?.location, "/X")
        XCTAssertEqual(e?.message, "no matrix /X; the root group has: layers, obs, var")
    }

    func testIndptrEndDisagreesWithData() {
        let e = error("bad_indptr_length.h5ad")
        XCTAssertEqual(e?.location, "/X/indptr")
        XCTAssertTrue(e?.message.contains("ends at 9 but /X/data has 7 values") == true, e?.message ?? "")
    }

    func testIndptrNotMonotone() {
        let e = error("bad_indptr_order.h5ad")
        XCTAssertEqual(e?.location, "/X/indptr")
        XCTAssertTrue(e?.message.contains("is not monotone: entry 2 is 2 after 3") == true, e?.message ?? "")
    }

    func testIndexOutOfRange() {
        let e = error("bad_indices.h5ad")
        XCTAssertEqual(e?.location, "/X/indices")
        XCTAssertTrue(e?.message.contains("entry 5 (in obs row 3) is 5; expected a var column index in 0..<5") == true, e?.message ?? "")
    }

    func testTenXWithoutFeatures() {
        let e = error("tenx_no_features.h5")
        XCTAssertEqual(e?.location, "/matrix/features")
        XCTAssertTrue(e?.message.hasPrefix("is a dataset, expected a group (a Cell Ranger 3+ matrix keeps") == true, e?.message ?? "")
    }

    func testWrongSparseShapeAgainstObs() throws {
        // The plain fixture read with a dataset path that is not two-dimensional.
        var options = ReaderOptions()
        options.decoding.dataset = "/data/genes"
        let e = error("plain_sxf.h5", options: options)
        XCTAssertEqual(e?.location, "/data/genes")
        XCTAssertTrue(e?.message.contains("expected a two-dimensional numeric matrix") == true, e?.message ?? "")
    }

    func testMaxMemoryIsEnforcedBeforeReading() {
        var options = ReaderOptions()
        options.decoding.memoryBudget = MemoryBudget(bytes: 100)
        // Sparse matrices stay in memory; a dense one beyond the budget goes to disk (StoreSpillTests).
        let e = error("ad_csr_f64_i64.h5ad", options: options)
        XCTAssertTrue(e?.message.contains("more than the --max-memory limit") == true, e?.message ?? "")
    }
}

extension HDF5ErrorTests {
    /// Every truncation of a real h5ad either loads the same matrix or ends in an InputError — never a crash.
    func testTruncatedFilesFailCleanly() throws {
        let full = try Data(contentsOf: URL(fileURLWithPath: GSelProcess.testData("h5/ad_csc_int_gzip.h5ad")))
        let dir = try TemporaryDirectory()
        for fraction in [0.02, 0.3, 0.6, 0.9, 0.99] {
            let path = dir.path("cut.h5ad")
            try full.prefix(Int(Double(full.count) * fraction)).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try InputFormat.reader(for: path).load(options: ReaderOptions()), "cut at \(fraction)") { e in
                XCTAssertEqual((e as? InputError)?.file, path, "\(e)")
            }
        }
        // Overwritten metadata in the middle of the file.
        var damaged = full
        for i in stride(from: 20000, to: 30000, by: 7) { damaged[i] = 0xAB }
        let path = dir.path("damaged.h5ad")
        try damaged.write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try InputFormat.reader(for: path).load(options: ReaderOptions())) { e in
            XCTAssertEqual((e as? InputError)?.file, path, "\(e)")
            XCTAssertTrue("\(e)".contains("the file may be damaged"), "\(e)")
        }
    }
}
