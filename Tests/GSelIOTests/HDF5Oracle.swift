import Foundation
import GSelIO
import XCTest
import _TestSupport

/// What the real Python libraries (anndata, loompy, h5py + scipy) decoded from one fixture in
/// TestData/h5, as written by scripts/make_h5_fixtures.py: `<stem>.expected.tsv` (matrix,
/// samples as rows) and `<stem>.expected.json` (ids, names, annotations, storage).
struct HDF5Oracle {
    var sampleIDs: [String]
    var featureIDs: [String]
    /// Row-major expected values (samples x features).
    var values: [Float]
    var featureNames: [String]?
    var annotations: [String: [String?]]?
    /// HDF5 path -> [compression, level, chunks] as h5py reports them.
    var storage: [String: [Any]]?

    /// Reads `<matrix ?? stem>.expected.tsv` and, when present, `<stem>.expected.json`.
    init(_ stem: String, matrix: String? = nil) throws {
        let tsv = try String(contentsOfFile: GSelProcess.testData("h5/\(matrix ?? stem).expected.tsv"), encoding: .utf8)
        let lines = tsv.split(separator: "\n", omittingEmptySubsequences: true)
        featureIDs = lines[0].split(separator: "\t", omittingEmptySubsequences: false).dropFirst().map(String.init)
        sampleIDs = []
        values = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            sampleIDs.append(String(fields[0]))
            for f in fields.dropFirst() {
                guard let v = Float(String(f)) else { throw InputError(file: "oracle", "bad value \(f)") }
                values.append(v)
            }
        }
        let jsonPath = GSelProcess.testData("h5/\(stem).expected.json")
        if FileManager.default.fileExists(atPath: jsonPath) {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as! [String: Any]
            featureNames = object["feature_names"] as? [String]
            annotations = (object["annotations"] as? [String: [Any]])?.mapValues { $0.map { $0 as? String } }
            storage = object["storage"] as? [String: [Any]]
            XCTAssertEqual(object["sample_ids"] as? [String], sampleIDs, "oracle files disagree")
        }
    }

    /// Asserts that `loaded` holds exactly the oracle's ids, names, annotations and every value (Float32 equality, NaN = NaN).
    func assertMatches(_ loaded: LoadedMatrix, annotations checkAnnotations: Bool = true,
                       file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(loaded.sampleIDs, sampleIDs, "sample ids", file: file, line: line)
        XCTAssertEqual(loaded.features.map(\.id), featureIDs, "feature ids", file: file, line: line)
        if let featureNames {
            XCTAssertEqual(loaded.features.map(\.name), featureNames, "feature names", file: file, line: line)
        }
        if checkAnnotations, let annotations {
            XCTAssertEqual(loaded.sampleAnnotations, annotations, "annotations", file: file, line: line)
        }
        let m = loaded.matrix
        XCTAssertEqual(m.rowCount, sampleIDs.count, file: file, line: line)
        XCTAssertEqual(m.columnCount, featureIDs.count, file: file, line: line)
        guard m.rowCount == sampleIDs.count, m.columnCount == featureIDs.count else { return }
        let p = featureIDs.count
        var mismatches: [String] = []
        for r in 0 ..< m.rowCount {
            for (c, got) in m.row(r).enumerated() where !same(got, values[r * p + c]) {
                mismatches.append("row \(r) col \(c): \(got) != \(values[r * p + c])")
            }
        }
        // Column access goes through a different path (binary search in CSR rows).
        for c in 0 ..< p {
            for (r, got) in m.column(c).enumerated() where !same(got, values[r * p + c]) {
                mismatches.append("column \(c) row \(r): \(got) != \(values[r * p + c])")
            }
        }
        XCTAssertEqual(mismatches, [], file: file, line: line)
    }

    private func same(_ a: Float, _ b: Float) -> Bool { a == b || (a.isNaN && b.isNaN) }
}
