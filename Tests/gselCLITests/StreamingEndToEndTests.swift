import Foundation
import XCTest
import _TestSupport

/// `--max-memory` smaller than the store, through the binary: the store goes to an on-disk
/// cache in TMPDIR (logged, removed when the run ends), the ranking is the in-memory run's,
/// and a TMPDIR that cannot hold the cache is one clear error with no output written.
final class StreamingEndToEndTests: XCTestCase {
    let input = GSelProcess.testData("golub/golub.expr.tsv.gz")
    let labels = GSelProcess.testData("golub/golub.labels.tsv")

    /// Runs gsel with `TMPDIR=tmpdir`.
    private func gsel(_ arguments: [String], tmpdir: String) throws -> GSelProcess.Result {
        try GSelProcess.run("/usr/bin/env", ["TMPDIR=\(tmpdir)", GSelProcess.binary.path] + arguments)
    }

    private func arguments(out: String) -> [String] {
        ["--input", input, "--labels", labels, "--label-col", "label", "--k", "5", "--repeats", "2",
         "--hidden", "2", "--seed", "4", "--threads", "2", "--out", out]
    }

    func testSmallMaxMemoryStreamsFromTMPDIRAndRanksAsInMemory() throws {
        let dir = try TemporaryDirectory()
        let cache = dir.path("cache")
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        let memory = try gsel(arguments(out: dir.path("memory")), tmpdir: cache)
        XCTAssertEqual(memory.status, 0, memory.stderr)
        XCTAssertFalse(memory.stderr.contains("on-disk cache"), memory.stderr)
        let disk = try gsel(arguments(out: dir.path("disk")) + ["--max-memory", "300K"], tmpdir: cache)
        XCTAssertEqual(disk.status, 0, disk.stderr)
        XCTAssertTrue(disk.stderr.contains("exceeds --max-memory 300.0 KiB") && disk.stderr.contains("on-disk cache \(cache)/gsel-cache-"),
                      disk.stderr)
        XCTAssertEqual(try String(contentsOfFile: dir.path("disk/ranking.tsv"), encoding: .utf8),
                       try String(contentsOfFile: dir.path("memory/ranking.tsv"), encoding: .utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache), [], "the cache is removed when the run ends")
    }

    func testUnwritableTMPDIRIsOneErrorNamingThePath() throws {
        let dir = try TemporaryDirectory()
        let missing = dir.path("no-such-folder")
        let r = try gsel(arguments(out: dir.path("out")) + ["--max-memory", "300K"], tmpdir: missing)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("cannot create the on-disk matrix cache \(missing)/gsel-cache-") && r.stderr.contains("TMPDIR"),
                      r.stderr)
        XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("out/ranking.tsv")), "no partial output")
    }
}
