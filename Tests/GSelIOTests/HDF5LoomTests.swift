import Foundation
import GSelIO
import XCTest
import _TestSupport

/// A loom file written by loompy 3.0.8, compared with `loompy.connect` reading it back.
final class HDF5LoomTests: XCTestCase {
    private let path = GSelProcess.testData("h5/loom_layers.loom")

    func testMatrixIdsAndColAttrs() throws {
        let reader = try InputFormat.reader(for: path)
        XCTAssertTrue(reader is LoomReader)
        let loaded = try reader.load(options: ReaderOptions())
        XCTAssertEqual(loaded.format, "loom")
        XCTAssertTrue(loaded.matrix is DenseMatrix)
        try HDF5Oracle("loom_layers").assertMatches(loaded)
        XCTAssertEqual(loaded.sampleIDs.first, "cellé&0", "XML character references are undone as loompy does")
        XCTAssertEqual(try loaded.sampleAnnotation("ClusterID", file: path).count, loaded.sampleIDs.count)
    }

    func testLayer() throws {
        var options = ReaderOptions()
        options.decoding.layer = "spliced"
        let loaded = try LoomReader(path: path).load(options: options)
        try HDF5Oracle("loom_layers", matrix: "loom_layers.spliced").assertMatches(loaded)
    }

    func testMissingLayerNamesTheLayersPresent() throws {
        var options = ReaderOptions()
        options.decoding.layer = "unspliced"
        XCTAssertThrowsError(try LoomReader(path: path).load(options: options)) { error in
            XCTAssertEqual((error as? InputError)?.location, "/layers/unspliced")
            XCTAssertTrue("\(error)".contains("/layers has: spliced"), "\(error)")
        }
    }

    func testInspectListsColAttrsAsLabelKeys() throws {
        let info = Dictionary(try LoomReader(path: path).inspect(options: ReaderOptions()), uniquingKeysWith: { a, _ in a })
        let oracle = try HDF5Oracle("loom_layers")
        XCTAssertEqual(info["shape"], "\(oracle.sampleIDs.count) samples x \(oracle.featureIDs.count) features")
        for key in (oracle.annotations ?? [:]).keys { XCTAssertTrue(info["label keys"]?.contains(key) == true, key) }
        XCTAssertEqual(info["layers"], "spliced")
    }
}
