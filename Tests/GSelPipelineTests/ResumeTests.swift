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
