import Foundation
import GSelIO
import XCTest
import _TestSupport

/// AnnData fixtures written by anndata 0.12 (and by hand in the 0.6 / 0.7 layouts), compared
/// with what anndata itself reads back.
final class HDF5AnnDataTests: XCTestCase {
    private func load(_ name: String, options: ReaderOptions = ReaderOptions()) throws -> LoadedMatrix {
        let reader = try InputFormat.reader(for: GSelProcess.testData("h5/\(name)"))
        XCTAssertTrue(reader is AnnDataReader, "\(name) detected as \(type(of: reader))")
        return try reader.load(options: options)
    }

    func testDenseFloat32WithEveryObsColumnKind() throws {
        let loaded = try load("ad_dense_f32.h5ad")
        XCTAssertEqual(loaded.format, "h5ad")
        XCTAssertTrue(loaded.matrix is DenseMatrix)
        try HDF5Oracle("ad_dense_f32").assertMatches(loaded)
        // Spot checks that the oracle itself carries the cases under test.
        XCTAssertNil(loaded.sampleAnnotations["cell_type"]?[2], "categorical code -1 is missing")
        XCTAssertEqual(loaded.sampleAnnotations["score"]?[3], "1e-07")
        XCTAssertTrue(loaded.matrix.row(4)[2].isNaN)
    }

    func testCSRFloat64DataInt64Indices() throws {
        let loaded = try load("ad_csr_f64_i64.h5ad")
        XCTAssertTrue(loaded.matrix is SparseMatrix)
        try HDF5Oracle("ad_csr_f64_i64").assertMatches(loaded)
    }

    func testCSCIntegerGzipBecomesCSRWithoutDensifying() throws {
        let loaded = try load("ad_csc_int_gzip.h5ad")
        let sparse = try XCTUnwrap(loaded.matrix as? SparseMatrix)
        let oracle = try HDF5Oracle("ad_csc_int_gzip")
        oracle.assertMatches(loaded)
        XCTAssertEqual(sparse.data.count, oracle.values.filter { $0 != 0 }.count, "only the non-zeros are stored")
    }

    func testUnsortedIndicesAndDuplicatesAreCanonicalised() throws {
        let loaded = try load("ad_csr_unsorted.h5ad")
        let sparse = try XCTUnwrap(loaded.matrix as? SparseMatrix)
        try HDF5Oracle("ad_csr_unsorted").assertMatches(loaded)
        for r in 0 ..< sparse.rowCount {
            let row = sparse.indices[sparse.indptr[r] ..< sparse.indptr[r + 1]]
            XCTAssertEqual(Array(row), Array(row).sorted(), "row \(r) sorted")
            XCTAssertEqual(Set(row).count, row.count, "row \(r) has no duplicates")
        }
    }

    func testLegacyH5SparseCSCAndCategoriesGroup() throws {
        try HDF5Oracle("ad_legacy_h5sparse").assertMatches(load("ad_legacy_h5sparse.h5ad"))
    }

    func testLegacyCompoundDataframes() throws {
        try HDF5Oracle("ad_legacy_compound").assertMatches(load("ad_legacy_compound.h5ad"))
    }

    /// scanpy's pbmc68k_reduced (anndata 0.6 layout: compound obs/var, categories in uns).
    func testRealPBMC68kReduced() throws {
        let path = GSelProcess.testData("pbmc68k/pbmc68k_reduced.h5ad")
        let loaded = try InputFormat.reader(for: path).load(options: ReaderOptions())
        let oracle = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: GSelProcess.testData("h5/pbmc68k_reduced.expected.json")))) as! [String: Any]
        XCTAssertEqual(oracle["shape"] as? [Int], [loaded.matrix.rowCount, loaded.matrix.columnCount])
        XCTAssertTrue(loaded.matrix is DenseMatrix)
        XCTAssertEqual(loaded.features.map(\.id), oracle["var_names"] as? [String])
        let rowOf = Dictionary(uniqueKeysWithValues: loaded.sampleIDs.enumerated().map { ($1, $0) })
        let columnOf = Dictionary(uniqueKeysWithValues: loaded.features.enumerated().map { ($1.id, $0) })
        let values = try XCTUnwrap(oracle["values"] as? [[String]])
        XCTAssertEqual(values.count, 200)
        for v in values {
            XCTAssertEqual(loaded.matrix.row(rowOf[v[0]]!)[columnOf[v[1]]!], Float(v[2])!, "\(v[0]) \(v[1])")
        }
        // Labels TSV shipped with the data (columns sample_id, bulk_labels, louvain, phase).
        let labelsPath = GSelProcess.testData("pbmc68k/pbmc68k_reduced.labels.tsv")
        let rows = try String(contentsOfFile: labelsPath, encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows[0], ["sample_id", "bulk_labels", "louvain", "phase"])
        XCTAssertEqual(rows.count - 1, 700)
        XCTAssertEqual(loaded.sampleIDs, rows.dropFirst().map { $0[0] })
        for (column, key) in [(1, "bulk_labels"), (2, "louvain"), (3, "phase")] {
            let annotation = try loaded.sampleAnnotation(key, file: path)
            XCTAssertEqual(annotation, rows.dropFirst().map { $0[column] }, key)
        }
        XCTAssertEqual(Set(try loaded.sampleAnnotation("bulk_labels", file: path).compactMap { $0 }).count, 10)
    }

    func testLabelKeyLookupListsAvailableColumns() throws {
        let path = GSelProcess.testData("h5/ad_dense_f32.h5ad")
        let loaded = try load("ad_dense_f32.h5ad")
        XCTAssertEqual(try loaded.sampleAnnotation("cell_type", file: path).count, 12)
        XCTAssertThrowsError(try loaded.sampleAnnotation("celltype", file: path)) { error in
            let text = "\(error)"
            XCTAssertTrue(error is InputError)
            XCTAssertTrue(text.contains("'celltype'"), text)
            XCTAssertTrue(text.contains("available obs columns: batch, cell_type, donor"), text)
        }
    }

    func testInspectReportsShapeKeysAndStorageAsH5pyDoes() throws {
        let lines = try AnnDataReader(path: GSelProcess.testData("h5/ad_csc_int_gzip.h5ad")).inspect(options: ReaderOptions())
        let info = Dictionary(lines, uniquingKeysWith: { a, b in a + "\n" + b })
        let oracle = try HDF5Oracle("ad_csc_int_gzip")
        XCTAssertEqual(info["shape"], "\(oracle.sampleIDs.count) samples x \(oracle.featureIDs.count) features")
        XCTAssertEqual(info["format"], "h5ad")
        XCTAssertTrue(info["matrix"]?.contains("sparse CSC") == true, info["matrix"] ?? "")
        XCTAssertEqual(info["sample ids"], "\(oracle.sampleIDs.prefix(3).joined(separator: ", ")), … (\(oracle.sampleIDs.count) in all)")
        XCTAssertTrue(info["label keys"]?.contains("label (") == true, info["label keys"] ?? "")
        for (path, spec) in try XCTUnwrap(oracle.storage) {
            let chunks = (spec[2] as? [Int])?.map(String.init).joined(separator: " x ") ?? ""
            let expected = "\(path): chunked (chunks \(chunks)), \(spec[0] as! String) level \(spec[1] as! Int)"
            XCTAssertTrue(info["storage"]?.contains(expected) == true, "\(expected) not in \(info["storage"] ?? "")")
        }
        let pbmc = GSelProcess.testData("pbmc68k/pbmc68k_reduced.h5ad")
        let real = Dictionary(try AnnDataReader(path: pbmc).inspect(options: ReaderOptions()), uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(real["shape"], "700 samples x 765 features")
        XCTAssertTrue(real["label keys"]?.contains("bulk_labels (categorical, 10 categories)") == true, real["label keys"] ?? "")
    }
}

extension HDF5AnnDataTests {
    func testLayerInsteadOfX() throws {
        var options = ReaderOptions()
        options.decoding.layer = "counts"
        let loaded = try AnnDataReader(path: GSelProcess.testData("h5/ad_dense_f32.h5ad")).load(options: options)
        try HDF5Oracle("ad_dense_f32", matrix: "ad_dense_f32.counts").assertMatches(loaded)
        options.decoding.layer = "spliced"
        XCTAssertThrowsError(try AnnDataReader(path: GSelProcess.testData("h5/ad_dense_f32.h5ad")).load(options: options)) { e in
            XCTAssertEqual((e as? InputError)?.message, "no matrix /layers/spliced; /layers has: counts")
        }
    }
}
