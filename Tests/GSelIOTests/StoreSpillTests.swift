import Foundation
import GSelIO
import XCTest
import _TestSupport

/// A store larger than `--max-memory` goes to an on-disk cache while the reader streams the
/// input (VCF, delimited text, dense HDF5) and holds exactly the values of the in-memory
/// store: the same rows bit for bit, the same ids, and for HDF5 the values h5py, anndata and
/// loompy read. Sparse matrices stay in memory and are still refused beyond the budget.
final class StoreSpillTests: XCTestCase {
    /// Loads `path` without a budget and with `budget` bytes; the second must be disk-backed.
    private func loadBoth(_ reader: any MatrixReader, budget: Int,
                          configure: (inout ReaderOptions) -> Void = { _ in }) throws -> (LoadedMatrix, LoadedMatrix) {
        var options = ReaderOptions()
        options.threads = 2
        configure(&options)
        let memory = try reader.load(options: options)
        options.decoding.memoryBudget = MemoryBudget(bytes: budget)
        let disk = try reader.load(options: options)
        XCTAssertTrue(disk.matrix is DiskBackedMatrix, "\(type(of: disk.matrix)) for a budget of \(budget) B")
        XCTAssertFalse(memory.matrix is DiskBackedMatrix)
        return (memory, disk)
    }

    /// Same shape, ids, features, counters and every value (bit patterns, NaN included).
    private func assertSameStore(_ memory: LoadedMatrix, _ disk: LoadedMatrix, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(disk.sampleIDs, memory.sampleIDs, file: file, line: line)
        XCTAssertEqual(disk.features, memory.features, file: file, line: line)
        XCTAssertEqual(disk.counters, memory.counters, file: file, line: line)
        XCTAssertEqual(disk.matrix.rowCount, memory.matrix.rowCount, file: file, line: line)
        XCTAssertEqual(disk.matrix.columnCount, memory.matrix.columnCount, file: file, line: line)
        for i in 0 ..< memory.matrix.rowCount where disk.matrix.row(i).map(\.bitPattern) != memory.matrix.row(i).map(\.bitPattern) {
            XCTFail("row \(i) differs", file: file, line: line)
            return
        }
        let last = memory.matrix.columnCount - 1
        XCTAssertEqual(disk.matrix.column(last).map(\.bitPattern), memory.matrix.column(last).map(\.bitPattern), file: file, line: line)
    }

    func testVCFGenotypesSpillAsDosageCodes() throws {
        // 1940 samples x 9286 kept variants = 18 MB of codes; a 1 MiB budget spills after ~540 variants.
        let reader = VCFReader(path: GSelProcess.testData("hs1940/hs1940_mouse.vcf.gz"))
        let (memory, disk) = try loadBoth(reader, budget: 1 << 20)
        XCTAssertTrue(memory.matrix is SampleMajorDosages)
        XCTAssertEqual((disk.matrix as? DiskBackedMatrix)?.element, .dosage)
        XCTAssertEqual(disk.matrix.storageBytes, 0)
        assertSameStore(memory, disk)
        // QC with the spill: the dropped records never reach the cache.
        let (maf, mafDisk) = try loadBoth(reader, budget: 1 << 20) { $0.decoding.maf = 0.2 }
        XCTAssertLessThan(maf.matrix.columnCount, memory.matrix.columnCount)
        assertSameStore(maf, mafDisk)
    }

    func testVCFDosageFieldSpillsAsFloats() throws {
        let dir = try TemporaryDirectory()
        var text = "##fileformat=VCFv4.2\n##FORMAT=<ID=DS,Number=1,Type=Float,Description=\"dosage\">\n"
        text += "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT" + (1 ... 7).map { "\ts\($0)" }.joined() + "\n"
        for v in 1 ... 40 {
            let calls = (1 ... 7).map { s in (v * s) % 9 == 0 ? "." : String(format: "%.3f", Double((v * 31 + s * 17) % 200) / 100) }
            text += "1\t\(v * 10)\t.\tA\tG\t.\t.\t.\tDS\t" + calls.joined(separator: "\t") + "\n"
        }
        let (memory, disk) = try loadBoth(VCFReader(path: try dir.write("ds.vcf", text)), budget: 200) {
            $0.decoding.vcfField = .dosage
        }
        XCTAssertEqual((disk.matrix as? DiskBackedMatrix)?.element, .float32)
        assertSameStore(memory, disk)
    }

    func testDelimitedTablesSpillInEitherOrientation() throws {
        // Golub: 38 samples x 3051 genes as rows (464 KB of Float32).
        let golub = GSelProcess.testData("golub/golub.expr.tsv.gz")
        let (memory, disk) = try loadBoth(DelimitedReader(path: golub), budget: 100_000)
        assertSameStore(memory, disk)
        // The same table transposed (genes as rows): the orientation is known only at the end.
        let dir = try TemporaryDirectory()
        var lines = ["gene" + memory.sampleIDs.map { "\t" + $0 }.joined()]
        for j in 0 ..< memory.matrix.columnCount {
            lines.append(memory.features[j].id + memory.matrix.column(j).map { $0.isNaN ? "\tNA" : "\t\($0)" }.joined())
        }
        let transposed = try dir.write("genes.tsv", lines.joined(separator: "\n") + "\n")
        let (byGenes, byGenesDisk) = try loadBoth(DelimitedReader(path: transposed), budget: 100_000) {
            $0.decoding.layout = .featuresBySamples
        }
        assertSameStore(byGenes, byGenesDisk)
        XCTAssertEqual(byGenesDisk.matrix.row(7).map(\.bitPattern), memory.matrix.row(7).map(\.bitPattern))
    }

    func testDenseHDF5SpillsWithTheLibrariesValues() throws {
        let plain = PlainHDF5Reader(path: GSelProcess.testData("h5/plain_sxf.h5"))
        let (memory, disk) = try loadBoth(plain, budget: 16) {
            $0.decoding.dataset = "/data/expr"
            $0.decoding.sampleIDs = "/data/samples"
            $0.decoding.featureIDs = "data/genes"
        }
        assertSameStore(memory, disk)
        try HDF5Oracle("plain_sxf").assertMatches(disk)

        let (fxs, fxsDisk) = try loadBoth(PlainHDF5Reader(path: GSelProcess.testData("h5/plain_fxs.h5")), budget: 16) {
            $0.decoding.dataset = "counts"
            $0.decoding.layout = .featuresBySamples
            $0.decoding.sampleIDs = "sample_names"
            $0.decoding.featureIDs = "feature_names"
        }
        assertSameStore(fxs, fxsDisk)
        try HDF5Oracle("plain_fxs").assertMatches(fxsDisk)

        let (loom, loomDisk) = try loadBoth(LoomReader(path: GSelProcess.testData("h5/loom_layers.loom")), budget: 16)
        assertSameStore(loom, loomDisk)
        try HDF5Oracle("loom_layers").assertMatches(loomDisk)

        let (anndata, anndataDisk) = try loadBoth(AnnDataReader(path: GSelProcess.testData("h5/ad_dense_f32.h5ad")), budget: 16)
        assertSameStore(anndata, anndataDisk)
        try HDF5Oracle("ad_dense_f32").assertMatches(anndataDisk)
    }

    func testSparseMatricesAreStillRefusedBeyondTheBudget() {
        var options = ReaderOptions()
        options.decoding.memoryBudget = MemoryBudget(bytes: 100)
        XCTAssertThrowsError(try AnnDataReader(path: GSelProcess.testData("h5/ad_csr_f64_i64.h5ad")).load(options: options)) { error in
            let message = (error as? InputError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("more than the --max-memory limit"), message)
        }
    }

    /// A subset of a disk-backed store is a compact copy in the in-memory store's form, or,
    /// beyond the working-copy limit, a view of the file with the same values.
    func testSubsetsCopyWithinTheLimitAndReadThroughBeyondIt() throws {
        let reader = VCFReader(path: GSelProcess.testData("hs1940/hs1940_mouse.vcf.gz"))
        let (memory, disk) = try loadBoth(reader, budget: 1 << 20)  // working copies up to 256 KiB
        let store = try XCTUnwrap(disk.matrix as? DiskBackedMatrix)
        XCTAssertEqual(store.workingCopyLimit, 256 << 10)
        let rows = stride(from: 1, to: 1940, by: 3).map { $0 }, columns = stride(from: 5, to: 9000, by: 7).map { $0 }
        let reference = memory.matrix.subset(rows: rows, columns: columns)
        let small = store.subset(rows: Array(rows.prefix(40)), columns: columns)
        XCTAssertTrue(small is SampleMajorDosages, "\(type(of: small))")
        let large = store.subset(rows: rows, columns: columns)  // 647 x 1285 codes > 256 KiB
        XCTAssertTrue(large is DiskBackedSubset, "\(type(of: large))")
        for i in [0, 39, 200, rows.count - 1] {
            XCTAssertEqual(large.row(i).map(\.bitPattern), reference.row(i).map(\.bitPattern), "row \(i)")
        }
        for i in [0, 39] { XCTAssertEqual(small.row(i).map(\.bitPattern), reference.row(i).map(\.bitPattern)) }
        XCTAssertEqual(large.column(17).map(\.bitPattern), reference.column(17).map(\.bitPattern))
        let nested = large.subset(rows: [3, 1], columns: [2, 0])
        XCTAssertEqual(nested.row(0).map(\.bitPattern), [reference.row(3)[2], reference.row(3)[0]].map(\.bitPattern))
    }
}
