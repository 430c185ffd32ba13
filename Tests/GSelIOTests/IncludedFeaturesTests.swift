import Foundation
import GSelIO
import XCTest
import _TestSupport

/// The `--include` list: ids one per line, or the first column of a table.
final class IncludedFeaturesTests: XCTestCase {
    private let ids = (1 ... 8).map { "g\($0)" }

    private func inputError(_ body: () throws -> Void) -> InputError? {
        do { try body() } catch let e as InputError { return e } catch { XCTFail("expected an InputError, got \(error)") }
        return nil
    }

    func testOneIdPerLineWithCommentsAndBlankLines() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("markers.txt", "# known markers\ng5\n\n  # CD markers\ng2\ng8\n")
        let list = try IncludedFeatures.load(path: path, featureIDs: ids)
        XCTAssertEqual(list.features, [4, 1, 7], "in the file's order")
        XCTAssertTrue(list.notes.isEmpty)
    }

    func testFirstColumnOfATableWithOrWithoutHeader() throws {
        let dir = try TemporaryDirectory()
        let withHeader = try dir.write("panel.tsv", "feature_id\tprobes\ng3\t4\ng1\t2\n")
        let list = try IncludedFeatures.load(path: withHeader, featureIDs: ids)
        XCTAssertEqual(list.features, [2, 0])
        XCTAssertEqual(list.notes.count, 1, "the header line is logged")
        let csv = try dir.write("panel.csv", "g6,CD4\ng7,CD8A\n")
        XCTAssertEqual(try IncludedFeatures.load(path: csv, featureIDs: ids).features, [5, 6])
    }

    func testUnknownAndRepeatedIdsNameFileAndLine() throws {
        let dir = try TemporaryDirectory()
        let unknown = try dir.write("a.txt", "g1\n# comment\ng9\n")
        let e = inputError { _ = try IncludedFeatures.load(path: unknown, featureIDs: ids) }
        XCTAssertEqual(e?.file, unknown)
        XCTAssertEqual(e?.location, "line 3")
        XCTAssertTrue(e?.description.contains("'g9' is not a feature of the input") ?? false, e?.description ?? "")

        let repeated = try dir.write("b.tsv", "id\tnote\ng1\tx\ng2\ty\ng1\tz\n")
        let r = inputError { _ = try IncludedFeatures.load(path: repeated, featureIDs: ids) }
        XCTAssertEqual(r?.location, "line 4")
        XCTAssertTrue(r?.description.contains("lines 2 and 4") ?? false, r?.description ?? "")

        // A one-column list has no header: a title is an unknown id, with the hint.
        let titled = try dir.write("c.txt", "gene\ng1\n")
        let t = inputError { _ = try IncludedFeatures.load(path: titled, featureIDs: ids) }
        XCTAssertEqual(t?.location, "line 1")
        XCTAssertTrue(t?.description.contains("start a title with #") ?? false, t?.description ?? "")

        let empty = try dir.write("d.txt", "# nothing\n\n")
        XCTAssertNotNil(inputError { _ = try IncludedFeatures.load(path: empty, featureIDs: ids) })
    }
}
