import Foundation
import GSelIO
import XCTest
import _TestSupport

/// Plain 2-D datasets written with h5py, in both orientations, compared with h5py's values.
final class HDF5PlainTests: XCTestCase {
    func testSamplesByFeaturesWithIdDatasetsAndLabelDataset() throws {
        let path = GSelProcess.testData("h5/plain_sxf.h5")
        let reader = try InputFormat.reader(for: path)
        XCTAssertTrue(reader is PlainHDF5Reader)
        var options = ReaderOptions()
        options.decoding.dataset = "/data/expr"
        options.decoding.sampleIDs = "/data/samples"
        options.decoding.featureIDs = "data/genes"
        let loaded = try reader.load(options: options)
        XCTAssertEqual(loaded.format, "hdf5")
        try HDF5Oracle("plain_sxf").assertMatches(loaded)
        XCTAssertEqual(try loaded.sampleAnnotation("data/label", file: path), try loaded.sampleAnnotation("/data/label", file: path))
    }

    func testFeaturesBySamplesInt32() throws {
        var options = ReaderOptions()
        options.decoding.dataset = "counts"
        options.decoding.layout = .featuresBySamples
        options.decoding.sampleIDs = "sample_names"
        options.decoding.featureIDs = "feature_names"
        try HDF5Oracle("plain_fxs").assertMatches(PlainHDF5Reader(path: GSelProcess.testData("h5/plain_fxs.h5")).load(options: options))
    }

    func testGeneratedIds() throws {
        var options = ReaderOptions()
        options.decoding.dataset = "/m"
        try HDF5Oracle("plain_noids").assertMatches(PlainHDF5Reader(path: GSelProcess.testData("h5/plain_noids.h5")).load(options: options))
    }

    func testWithoutDatasetPathListsDatasets() throws {
        let reader = PlainHDF5Reader(path: GSelProcess.testData("h5/plain_sxf.h5"))
        XCTAssertThrowsError(try reader.load(options: ReaderOptions())) { error in
            XCTAssertTrue(error is InputError)
            XCTAssertTrue("\(error)".contains("--dataset"), "\(error)")
            XCTAssertTrue("\(error)".contains("/data/expr (float64, 6 x 4)"), "\(error)")
        }
    }

    func testIdDatasetOfWrongLength() throws {
        var options = ReaderOptions()
        options.decoding.dataset = "/data/expr"
        options.decoding.sampleIDs = "/data/genes"
        XCTAssertThrowsError(try PlainHDF5Reader(path: GSelProcess.testData("h5/plain_sxf.h5")).load(options: options)) { error in
            XCTAssertEqual((error as? InputError)?.location, "/data/genes")
            XCTAssertTrue("\(error)".contains("has 4 entries, expected 6"), "\(error)")
        }
    }
}
