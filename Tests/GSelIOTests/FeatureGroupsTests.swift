import Foundation
import GSelIO
import XCTest
import _TestSupport

final class FeatureGroupsTests: XCTestCase {
    private typealias S = DelimitedTestSupport
    private let ids = (1 ... 8).map { "g\($0)" }

    private func inputError(file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) -> InputError? {
        do {
            try body()
            XCTFail("expected an InputError", file: file, line: line)
        } catch let e as InputError {
            return e
        } catch {
            XCTFail("expected an InputError, got \(error)", file: file, line: line)
        }
        return nil
    }

    func testTabFileWithHeaderAndUngroupedFeatures() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("groups.tsv", "feature_id\tgroup_id\ng3\tTP53\ng1\tBRCA1\n\ng2\tTP53\ng1\tBRCA1\n")
        let g = try FeatureGroups.load(path: path, featureIDs: ids)
        XCTAssertEqual(g.names, ["TP53", "BRCA1"], "groups in order of first appearance")
        XCTAssertEqual(g.members, [[1, 2], [0]])
        XCTAssertEqual(g.groupOf, [1, 0, 0, -1, -1, -1, -1, -1])
        XCTAssertEqual(g.ungroupedCount, 5)
        XCTAssertEqual(g.notes.count, 1)
        XCTAssertTrue(g.notes[0].contains("line 1 read as the header"), g.notes[0])
    }

    func testHeaderlessWhitespaceFile() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("groups.txt", "g1  A\n  g2\tA \ng8 B\n")
        let g = try FeatureGroups.load(path: path, featureIDs: ids)
        XCTAssertEqual(g.names, ["A", "B"])
        XCTAssertEqual(g.members, [[0, 1], [7]])
        XCTAssertTrue(g.notes.isEmpty, "no header line")
    }

    /// A quoted, gzipped CSV: membership equals what pandas reads from the same file.
    func testGzipCSVMatchesPandas() throws {
        let dir = try TemporaryDirectory()
        let plain = try dir.write("groups.csv", "feature,pathway\ng1,\"Wnt, canonical\"\ng4,\"Wnt, canonical\"\ng5,\"p53 \"\"core\"\"\"\ng6,MAPK\n")
        _ = try S.shell("gzip -k '\(plain)'")
        let g = try FeatureGroups.load(path: plain + ".gz", featureIDs: ids)
        let pandas = try S.python("""
            import sys, json, pandas as pd
            t = pd.read_csv(sys.argv[1], dtype=str)
            print(json.dumps(dict(zip(t.iloc[:, 0], t.iloc[:, 1]))))
            """, [plain + ".gz"])
        let expected = try JSONSerialization.jsonObject(with: Data(pandas.utf8)) as! [String: String]
        var ours: [String: String] = [:]
        for (j, group) in g.groupOf.enumerated() where group >= 0 { ours[ids[j]] = g.names[group] }
        XCTAssertEqual(ours, expected)
    }

    func testUnknownFeaturesAreCountedWithExamples() throws {
        let dir = try TemporaryDirectory()
        var text = "feature_id\tgroup_id\ng1\tA\n"
        for i in 0 ..< 7 { text += "x\(i)\tB\n" }
        let path = try dir.write("groups.tsv", text)
        let e = try XCTUnwrap(inputError { _ = try FeatureGroups.load(path: path, featureIDs: ids) })
        XCTAssertEqual(e.file, path)
        XCTAssertEqual(e.location, "line 3")
        XCTAssertTrue(e.message.contains("7 of 8 feature ids are not features of the input"), e.message)
        XCTAssertTrue(e.message.contains("'x0' (line 3)") && e.message.contains("'x4' (line 7)"), e.message)
        XCTAssertFalse(e.message.contains("'x5'"), "at most 5 examples: \(e.message)")
    }

    func testFeatureInTwoGroupsNamesBothGroupsAndLines() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("groups.tsv", "g1\tA\ng2\tA\ng3\tB\ng2\tC\n")
        let e = try XCTUnwrap(inputError { _ = try FeatureGroups.load(path: path, featureIDs: ids) })
        XCTAssertEqual(e.location, "line 4")
        XCTAssertTrue(e.message.contains("'g2' is in group 'A' (line 2) and in group 'C' (line 4)"), e.message)
    }

    func testWrongFieldCountAndEmptyIDs() throws {
        let dir = try TemporaryDirectory()
        let three = try dir.write("three.tsv", "g1\tA\ng2\tA\textra\n")
        let e = try XCTUnwrap(inputError { _ = try FeatureGroups.load(path: three, featureIDs: ids) })
        XCTAssertEqual(e.location, "line 2")
        XCTAssertTrue(e.message.contains("expected 2 fields (feature_id, group_id), found 3"), e.message)
        let empty = try dir.write("empty-group.csv", "g1,A\ng2,\n")
        let e2 = try XCTUnwrap(inputError { _ = try FeatureGroups.load(path: empty, featureIDs: ids) })
        XCTAssertEqual(e2.location, "line 2")
        XCTAssertTrue(e2.message.contains("empty group id"), e2.message)
    }

    func testEmptyOrHeaderOnlyFile() throws {
        let dir = try TemporaryDirectory()
        for (name, text) in [("empty.tsv", ""), ("header.tsv", "feature_id\tgroup_id\n\n")] {
            let path = try dir.write(name, text)
            let e = try XCTUnwrap(inputError { _ = try FeatureGroups.load(path: path, featureIDs: ids) })
            XCTAssertEqual(e.file, path)
            XCTAssertTrue(e.message.contains("no feature_id group_id rows"), e.message)
        }
    }
}
