import Foundation
import GSelCore
import GSelIO
import GSelPipeline
import XCTest
import _TestSupport

/// `select` with `resume` reuses finished fits and writes the same ranking; it refuses a
/// folder of another run, saying which field differs.
final class ResumeTests: XCTestCase {
    func testResumeRunsOnlyTheMissingFitsAndGivesTheSameRanking() throws {
        let dir = try TemporaryDirectory()
        let parameters = GolubRun.parameters()
        let full = try Pipeline.select(parameters, out: dir.path("full"), execution: GolubRun.execution)
        // A run that stopped after some fits: the fits folder holds 6 of the 11 (3 full-split fits, 8 halves).
        let partial = dir.path("partial")
        try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: dir.path("full/fits"), toPath: partial + "/fits")
        for name in ["fit-0-a.tsv", "fit-0-c.tsv", "fit-2-b.tsv", "fit-3-a.tsv", "fit-3-b.tsv", "fit-4-a.tsv"] {
            try FileManager.default.removeItem(atPath: partial + "/fits/" + name)
        }
        let resumed = try Pipeline.select(parameters, out: partial, resume: true, execution: GolubRun.execution)
        XCTAssertEqual(resumed.fitsComputed, 6)
        XCTAssertEqual(try GolubRun.ranking(partial), try GolubRun.ranking(dir.path("full")))
        XCTAssertEqual(resumed.result.entries, full.result.entries)
        // Without resume the folder starts afresh.
        let fresh = try Pipeline.select(parameters, out: partial, execution: GolubRun.execution)
        XCTAssertEqual(fresh.fitsComputed, 11)
    }

    func testResumeIntoAnotherRunIsRefused() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        try Pipeline.select(GolubRun.parameters(seed: 5, repeats: 1, method: .marginal), out: out, execution: GolubRun.execution)
        let refused = GolubRun.error {
            try Pipeline.select(GolubRun.parameters(seed: 6, repeats: 1, method: .marginal), out: out, resume: true,
                                execution: GolubRun.execution)
        }
        XCTAssertTrue(refused?.contains("seed is 6 here but 5 there") == true, refused ?? "no error")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/fits/fit-1-a.tsv"), "the other run's fits are kept")
        // A changed path alone is not a different run (paths are compared by checksum).
        var moved = GolubRun.parameters(seed: 5, repeats: 1, method: .marginal)
        let copy = dir.path("copy.tsv.gz")
        try FileManager.default.copyItem(atPath: moved.input.path, toPath: copy)
        moved.input.path = copy
        XCTAssertEqual(try Pipeline.select(moved, out: out, resume: true, execution: GolubRun.execution).fitsComputed, 0)
    }

    /// Damage that once passed (issue 24): a fit cut at a line boundary, a pick whose id
    /// disagrees with its index, a nan, a changed digit. Each is refused by `--resume` and by
    /// `aggregate`, naming the file; an intact folder still resumes.
    func testDamagedFitFilesAreRefused() throws {
        let dir = try TemporaryDirectory()
        let parameters = GolubRun.parameters(repeats: 2)
        let good = dir.path("good")
        try Pipeline.select(parameters, out: good, execution: GolubRun.execution)
        let original = try String(contentsOfFile: good + "/fits/fit-1-a.tsv", encoding: .utf8)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pick = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("pick\t") })
        var cells = lines[pick].split(separator: "\t").map(String.init)
        func with(_ change: (inout [String]) -> Void) -> String {
            var l = lines
            change(&l)
            return l.joined(separator: "\n")
        }
        let otherID = cells[3] == "M27891_at" ? "X95735_at" : "M27891_at"
        let damaged: [(String, String, String)] = [
            ("cut", lines.prefix(pick + 2).joined(separator: "\n") + "\n", "incomplete"),
            ("id", with { $0[pick] = (cells[0 ..< 3] + [otherID] + cells[4...]).joined(separator: "\t") }, "checksum"),
            ("nan", with { cells[4] = "nan"; $0[pick] = cells.joined(separator: "\t") }, "checksum"),
            ("digit", original.replacingOccurrences(of: "pick\t1\t", with: "pick\t2\t"), "checksum"),
        ]
        for (name, text, expected) in damaged {
            let out = dir.path(name)
            try FileManager.default.copyItem(atPath: good, toPath: out)
            try text.write(toFile: out + "/fits/fit-1-a.tsv", atomically: true, encoding: .utf8)
            let resumed = GolubRun.error { try Pipeline.select(parameters, out: out, resume: true, execution: GolubRun.execution) }
            XCTAssertTrue(resumed?.contains("fit-1-a.tsv") == true && resumed?.contains(expected) == true, "\(name): \(resumed ?? "accepted")")
            let gathered = GolubRun.error { try Pipeline.aggregate(directories: [out], out: dir.path(name + "-agg"), execution: GolubRun.execution) }
            XCTAssertTrue(gathered?.contains("fit-1-a.tsv") == true, "\(name): \(gathered ?? "accepted")")
        }
        XCTAssertEqual(try Pipeline.select(parameters, out: good, resume: true, execution: GolubRun.execution).fitsComputed, 0)
    }

    /// A kill during a fit's write leaves `.fit-…tmp-<pid>-<tag>`; `--resume` removes it when
    /// its writer is gone and keeps a live writer's.
    func testResumeRemovesTheTemporaryFilesOfAKilledWriter() throws {
        let dir = try TemporaryDirectory()
        let parameters = GolubRun.parameters(repeats: 1, method: .marginal)
        let out = dir.path("out")
        try Pipeline.select(parameters, out: out, execution: GolubRun.execution)
        // A process id above Linux's largest (2^22) never exists; ours does.
        let stale = out + "/fits/.fit-1-a.tsv.tmp-4194305-1f", live = out + "/fits/.fit-1-b.tsv.tmp-\(getpid())-2e"
        for file in [stale, live] { try "pick\t1".write(toFile: file, atomically: false, encoding: .utf8) }
        XCTAssertEqual(try Pipeline.select(parameters, out: out, resume: true, execution: GolubRun.execution).fitsComputed, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
        XCTAssertTrue(FileManager.default.fileExists(atPath: live), "our own process's file is not stale")
    }

    func testCorruptFitFileIsNamed() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        let parameters = GolubRun.parameters(repeats: 1, method: .marginal)
        try Pipeline.select(parameters, out: out, execution: GolubRun.execution)
        try "# gsel fit\nkind\tstep\nbroken\n".write(toFile: out + "/fits/fit-1-b.tsv", atomically: true, encoding: .utf8)
        let refused = GolubRun.error { try Pipeline.select(parameters, out: out, resume: true, execution: GolubRun.execution) }
        XCTAssertTrue(refused?.contains("fit-1-b.tsv") == true, refused ?? "no error")
    }
}
