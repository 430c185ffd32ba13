import Foundation
import GSelIO
import XCTest
import _TestSupport

/// Cell Ranger layouts written with h5py (int32 counts, int64 indices, fixed-length strings),
/// compared with scipy's decoding of the same arrays.
final class HDF5TenXTests: XCTestCase {
    private func reader(_ name: String) throws -> any MatrixReader {
        let r = try InputFormat.reader(for: GSelProcess.testData("h5/\(name)"))
        XCTAssertTrue(r is TenXReader, "\(name) detected as \(type(of: r))")
        return r
    }

    func testV3KeepsGeneExpressionByDefault() throws {
        let loaded = try reader("tenx_v3.h5").load(options: ReaderOptions())
        XCTAssertEqual(loaded.format, "10x-h5-v3")
        XCTAssertTrue(loaded.matrix is SparseMatrix)
        try HDF5Oracle("tenx_v3").assertMatches(loaded)
        XCTAssertEqual(loaded.counters["features_of_other_types_removed"], 2)
    }

    func testV3OtherFeatureType() throws {
        var options = ReaderOptions()
        options.decoding.featureType = "Antibody Capture"
        try HDF5Oracle("tenx_v3.antibody").assertMatches(reader("tenx_v3.h5").load(options: options))
    }

    func testV3AllFeatureTypesKeepsFileOrder() throws {
        var options = ReaderOptions()
        options.decoding.featureType = "all"
        let loaded = try reader("tenx_v3.h5").load(options: options)
        let genes = try HDF5Oracle("tenx_v3"), antibodies = try HDF5Oracle("tenx_v3.antibody")
        XCTAssertEqual(loaded.features.count, genes.featureIDs.count + antibodies.featureIDs.count)
        for (oracle, _) in [(genes, 0), (antibodies, 1)] {
            for (j, id) in oracle.featureIDs.enumerated() {
                let column = try XCTUnwrap(loaded.features.firstIndex { $0.id == id })
                XCTAssertEqual(loaded.matrix.column(column),
                               (0 ..< oracle.sampleIDs.count).map { oracle.values[$0 * oracle.featureIDs.count + j] }, id)
            }
        }
    }

    func testUnknownFeatureTypeListsTypesPresent() throws {
        var options = ReaderOptions()
        options.decoding.featureType = "CRISPR Guide Capture"
        XCTAssertThrowsError(try reader("tenx_v3.h5").load(options: options)) { error in
            XCTAssertTrue(error is InputError)
            XCTAssertTrue("\(error)".contains("types present: Gene Expression: 6, Antibody Capture: 2"), "\(error)")
        }
    }

    func testV2() throws {
        let loaded = try reader("tenx_v2.h5").load(options: ReaderOptions())
        XCTAssertEqual(loaded.format, "10x-h5-v2")
        try HDF5Oracle("tenx_v2").assertMatches(loaded)
    }

    func testInspect() throws {
        let info = Dictionary(try reader("tenx_v3.h5").inspect(options: ReaderOptions()), uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(info["format"], "10x-h5-v3")
        XCTAssertEqual(info["feature types"], "Gene Expression: 6, Antibody Capture: 2")
        XCTAssertTrue(info["matrix"]?.contains("data int32, indices int64, indptr int64") == true, info["matrix"] ?? "")
        XCTAssertTrue(info["storage"]?.contains("/matrix/data: chunked (chunks 16), gzip level 4") == true, info["storage"] ?? "")
    }
}
