import Foundation
import GSelIO
import XCTest
import _TestSupport

/// The `--costs` table: feature id and cost per line, header optional; unlisted features cost
/// the default or are an error.
final class FeatureCostsTests: XCTestCase {
    private let ids = (1 ... 6).map { "g\($0)" }

    private func inputError(_ body: () throws -> Void) -> InputError? {
        do { try body() } catch let e as InputError { return e } catch { XCTFail("expected an InputError, got \(error)") }
        return nil
    }

    func testTableWithHeaderCommentsAndDefaultCost() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("costs.tsv", "feature_id\tprobes\tnote\n# priced by the vendor\ng2\t4\tx\n\ng5\t0.25\ty\n")
        let costs = try FeatureCosts.load(path: path, featureIDs: ids)
        XCTAssertEqual(costs.costs, [1, 4, 1, 1, 0.25, 1])
        XCTAssertEqual(costs.listed, 2)
        XCTAssertEqual(costs.defaulted, 4)
        XCTAssertEqual(costs.notes.count, 1, "the header line is logged")
        let csv = try dir.write("costs.csv", "g1,2\ng6,1e1\n")
        XCTAssertEqual(try FeatureCosts.load(path: csv, featureIDs: ids, missing: 3).costs, [2, 3, 3, 3, 3, 10])
    }

    func testBadLinesNameFileAndLine() throws {
        let dir = try TemporaryDirectory()
        func check(_ text: String, line: String, _ phrase: String) throws {
            let path = try dir.write("c.tsv", text)
            let e = inputError { _ = try FeatureCosts.load(path: path, featureIDs: ids) }
            XCTAssertEqual(e?.file, path)
            XCTAssertEqual(e?.location, line, text)
            XCTAssertTrue(e?.description.contains(phrase) ?? false, e?.description ?? "no error for \(text)")
        }
        try check("g1\t1\ng9\t2\n", line: "line 2", "'g9' is not a feature of the input")
        try check("g1\t1\ng2\t0\n", line: "line 2", "cost '0' of feature 'g2' is not a finite number > 0")
        try check("g1\t-3\n", line: "line 1", "cost '-3'")
        try check("g1\t1\ng2\tcheap\n", line: "line 2", "cost 'cheap'")
        try check("g1\tinf\n", line: "line 1", "not a finite number")
        try check("g1\tnan\n", line: "line 1", "not a finite number")
        try check("g1\t1\ng2\n", line: "line 2", "feature 'g2' has no cost")
        try check("g1\t1\ng1\t2\n", line: "line 2", "listed twice (lines 1 and 2)")
        let empty = try dir.write("e.tsv", "# nothing\n")
        XCTAssertNotNil(inputError { _ = try FeatureCosts.load(path: empty, featureIDs: ids) })
    }

    func testRequireAllNamesTheUnlistedFeatures() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("c.tsv", "g1\t1\ng2\t2\ng3\t3\n")
        let e = inputError { _ = try FeatureCosts.load(path: path, featureIDs: ids, missing: nil) }
        XCTAssertEqual(e?.file, path)
        XCTAssertTrue(e?.description.contains("3 of 6 features have no cost, e.g. 'g4', 'g5', 'g6'") ?? false, e?.description ?? "")
        let full = try dir.write("full.tsv", ids.enumerated().map { "\($1)\t\($0 + 1)" }.joined(separator: "\n"))
        XCTAssertEqual(try FeatureCosts.load(path: full, featureIDs: ids, missing: nil).costs, [1, 2, 3, 4, 5, 6])
    }
}
