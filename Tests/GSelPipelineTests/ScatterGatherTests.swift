import Foundation
import GSelCore
import GSelIO
import GSelPipeline
import XCTest
import _TestSupport

/// Scattered pairs gathered by `aggregate` give the bytes of the one-machine run; mixed
/// or incomplete fit sets are refused with the reason.
final class ScatterGatherTests: XCTestCase {
    func testScatteredPairsAggregateToTheDirectRun() throws {
        let dir = try TemporaryDirectory()
        let parameters = GolubRun.parameters()
        let direct = try Pipeline.select(parameters, out: dir.path("direct"), execution: GolubRun.execution)
        XCTAssertEqual(direct.fitsComputed, 3 + 8, "3 full-split fits and 4 pairs")
        // Pairs in scrambled order into separate folders, gathered in another order.
        var folders: [String] = []
        for pair in [3, 1, 4, 2] {
            let out = dir.path("pair\(pair)")
            let fits = try Pipeline.repeatPair(pair, parameters: parameters, out: out, execution: GolubRun.execution)
            XCTAssertEqual(fits.map(\.id), FitID.fits(ofPair: pair, fullFits: 3))
            XCTAssertEqual(Set(OutputFiles.list(out)), ["fit-\(pair)-a.tsv", "fit-\(pair)-b.tsv", "manifest.json"])
            folders.append(out)
        }
        let gathered = try Pipeline.aggregate(directories: folders.reversed(), out: dir.path("gathered"),
                                              execution: GolubRun.execution)
        XCTAssertEqual(gathered.fitsComputed, 3, "only the full-split fits are run by aggregate")
        XCTAssertEqual(try GolubRun.ranking(dir.path("gathered")), try GolubRun.ranking(dir.path("direct")))
        XCTAssertEqual(gathered.result.entries, direct.result.entries)

        // A missing pair is named, and nothing is written.
        let partial = GolubRun.error {
            try Pipeline.aggregate(directories: Array(folders.dropLast()), out: dir.path("partial"), execution: GolubRun.execution)
        }
        XCTAssertTrue(partial?.contains("pairs 2") == true, partial ?? "no error")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("partial")))

        // A k that differs from the fits' is refused by name.
        let wrongK = GolubRun.error {
            try Pipeline.aggregate(directories: folders, out: dir.path("k"), overrides: .init(k: 7), execution: GolubRun.execution)
        }
        XCTAssertTrue(wrongK?.contains("k 7 differs from the fits' k 5") == true, wrongK ?? "no error")
    }

    /// With `--include`, scattered pairs gathered by `aggregate` (which reads the list again,
    /// from a moved path) give the direct run's ranking, included markers first; another list
    /// is refused by its checksum.
    func testIncludedMarkersScatterAndGather() throws {
        let dir = try TemporaryDirectory()
        var parameters = GolubRun.parameters(repeats: 2)
        let list = try dir.write("markers.tsv", "feature_id\tgene\nX95735_at\tZYX\nM27891_at\tCST3\n")
        parameters.selection.include = IncludeParameters(file: list)
        let direct = try Pipeline.select(parameters, out: dir.path("direct"), execution: GolubRun.execution)
        XCTAssertEqual(direct.result.entries.count, 5)
        XCTAssertEqual(direct.result.entries.prefix(2).map { direct.run.units.id($0.unit) }, ["X95735_at", "M27891_at"])
        XCTAssertEqual(direct.result.entries.map(\.included), [true, true, false, false, false])
        XCTAssertEqual(direct.run.manifest.includeSHA256?.count, 64)
        var folders: [String] = []
        for pair in [2, 1] {
            folders.append(dir.path("pair\(pair)"))
            try Pipeline.repeatPair(pair, parameters: parameters, out: folders.last!, execution: GolubRun.execution)
        }
        let moved = try dir.write("moved.tsv", "feature_id\tgene\nX95735_at\tZYX\nM27891_at\tCST3\n")
        try FileManager.default.removeItem(atPath: list)
        let gathered = try Pipeline.aggregate(directories: folders, out: dir.path("gathered"), overrides: .init(include: moved),
                                              execution: GolubRun.execution)
        XCTAssertEqual(try GolubRun.ranking(dir.path("gathered")), try GolubRun.ranking(dir.path("direct")))
        XCTAssertEqual(gathered.result.entries, direct.result.entries)
        let other = try dir.write("other.tsv", "M27891_at\n")
        let refused = GolubRun.error {
            try Pipeline.aggregate(directories: folders, out: dir.path("other"), overrides: .init(include: other), execution: GolubRun.execution)
        }
        XCTAssertTrue(refused?.contains("not the one the fits were computed from") == true, refused ?? "no error")
    }

    func testMovedInputsAreFoundByChecksum() throws {
        let dir = try TemporaryDirectory()
        let parameters = GolubRun.parameters(repeats: 1, method: .marginal)
        try Pipeline.repeatPair(1, parameters: parameters, out: dir.path("p1"), execution: GolubRun.execution)
        try Pipeline.select(parameters, out: dir.path("direct"), execution: GolubRun.execution)
        // The fits record the original paths; the files "move".
        let moved = dir.path("moved.tsv.gz"), movedLabels = dir.path("moved-labels.tsv")
        try FileManager.default.copyItem(atPath: parameters.input.path, toPath: moved)
        try FileManager.default.copyItem(atPath: parameters.input.labels!, toPath: movedLabels)
        try Pipeline.aggregate(directories: [dir.path("p1")], out: dir.path("agg"),
                               overrides: .init(input: moved, labels: movedLabels), execution: GolubRun.execution)
        XCTAssertEqual(try GolubRun.ranking(dir.path("agg")), try GolubRun.ranking(dir.path("direct")))
        // Another file under the moved name is refused.
        let other = try dir.write("other-labels.tsv", try String(contentsOfFile: movedLabels, encoding: .utf8)
            .replacingOccurrences(of: "ALL", with: "B-ALL"))
        let refused = GolubRun.error {
            try Pipeline.aggregate(directories: [dir.path("p1")], out: dir.path("bad"),
                                   overrides: .init(input: moved, labels: other), execution: GolubRun.execution)
        }
        XCTAssertTrue(refused?.contains("SHA-256 differs") == true, refused ?? "no error")
    }

    func testMixedRunsAreRefusedWithTheDifferingField() throws {
        let dir = try TemporaryDirectory()
        try Pipeline.repeatPair(1, parameters: GolubRun.parameters(seed: 5, method: .marginal), out: dir.path("a"),
                                execution: GolubRun.execution)
        try Pipeline.repeatPair(2, parameters: GolubRun.parameters(seed: 6, method: .marginal), out: dir.path("b"),
                                execution: GolubRun.execution)
        let mixed = GolubRun.error {
            try Pipeline.aggregate(directories: [dir.path("a"), dir.path("b")], out: dir.path("agg"), execution: GolubRun.execution)
        }
        XCTAssertTrue(mixed?.contains("seed is 6 here but 5 there") == true, mixed ?? "no error")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("agg")))
    }

    /// A fit file whose name and content disagree, or that belongs to another run, is named.
    func testForeignFitFilesAreRefused() throws {
        let dir = try TemporaryDirectory()
        let parameters = GolubRun.parameters(repeats: 2, method: .marginal)
        try Pipeline.repeatPair(1, parameters: parameters, out: dir.path("p"), execution: GolubRun.execution)
        try Pipeline.repeatPair(2, parameters: parameters, out: dir.path("p"), execution: GolubRun.execution)
        let renamed = dir.path("p/fit-2-a.tsv")
        try FileManager.default.removeItem(atPath: renamed)
        try FileManager.default.copyItem(atPath: dir.path("p/fit-1-a.tsv"), toPath: renamed)
        let swapped = GolubRun.error {
            try Pipeline.aggregate(directories: [dir.path("p")], out: dir.path("agg"), execution: GolubRun.execution)
        }
        XCTAssertTrue(swapped?.contains("holds pair 1 half a but its name says pair 2 half a") == true, swapped ?? "no error")
    }
}
