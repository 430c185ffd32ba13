import Foundation
import GSelCore
import GSelIO
import GSelPipeline
import XCTest
import _TestSupport

/// One run per output folder, complete or absent (issue 24): a second writer is refused
/// naming the lock's holder, a gone holder's lock is taken over, a failed run leaves no
/// result file that looks finished (run.json, written last, is the completion marker), and
/// a file where a folder belongs is named.
final class OutputFolderTests: XCTestCase {
    private let parameters = GolubRun.parameters(repeats: 1, method: .marginal)

    func testALiveHolderIsRefusedNamingItsPidAndHost() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        try Pipeline.select(parameters, out: out, execution: GolubRun.execution)
        let ranking = try GolubRun.ranking(out)
        // This process is alive: a lock naming it is held.
        let lock = try OutputLockRecord.write(in: out, pid: getpid())
        for (name, run) in [("select", { try Pipeline.select(self.parameters, out: out, execution: GolubRun.execution) }),
                            ("aggregate", { try Pipeline.aggregate(directories: [out], out: out, execution: GolubRun.execution) })] {
            let refused = GolubRun.error { _ = try run() }
            XCTAssertTrue(refused?.hasPrefix("\(lock): another gsel run (pid \(getpid()) on host \(OutputLockRecord.host)") == true,
                          "\(name): \(refused ?? "accepted")")
            XCTAssertEqual(try GolubRun.ranking(out), ranking, "\(name): the holder's folder is left alone")
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/run.json"))
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: lock), "the holder's lock stays")

        // A holder on another host cannot be checked: refused with the way out.
        try FileManager.default.removeItem(atPath: lock)
        try OutputLockRecord.write(in: out, pid: OutputLockRecord.goneProcess, host: "elsewhere.example")
        let remote = GolubRun.error { try Pipeline.select(self.parameters, out: out, execution: GolubRun.execution) }
        XCTAssertTrue(remote?.contains("pid \(OutputLockRecord.goneProcess) on host elsewhere.example") == true
                      && remote?.contains("remove this file if that run is gone") == true, remote ?? "accepted")
    }

    func testTheLockOfAGoneRunOnThisHostIsTakenOver() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let lock = try OutputLockRecord.write(in: out, pid: OutputLockRecord.goneProcess)
        let lines = Lines()
        let execution = Pipeline.Execution(threads: 2, log: RunLog(message: lines.append))
        try Pipeline.select(parameters, out: out, execution: execution)
        XCTAssertTrue(lines.all.contains { $0.hasPrefix("\(lock): taking over the lock of a run that is gone (pid \(OutputLockRecord.goneProcess)") },
                      "\(lines.all)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock), "the lock goes when the run ends")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/run.json"))
    }

    /// `repeat` jobs lock their pair only: other pairs share the folder, the same pair does not.
    func testRepeatJobsOfOtherPairsShareAFolder() throws {
        let dir = try TemporaryDirectory()
        let params = GolubRun.parameters(repeats: 2, method: .marginal)
        let folder = dir.path("pairs")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pairOne = try OutputLockRecord.write(in: folder, name: ".gsel-pair-1.lock", pid: getpid())
        let refused = GolubRun.error { try Pipeline.repeatPair(1, parameters: params, out: folder, execution: GolubRun.execution) }
        XCTAssertTrue(refused?.hasPrefix("\(pairOne): another gsel run (pid \(getpid())") == true, refused ?? "accepted")
        try Pipeline.repeatPair(2, parameters: params, out: folder, execution: GolubRun.execution)
        XCTAssertEqual(Set(OutputFiles.list(folder)), [".gsel-pair-1.lock", "fit-2-a.tsv", "fit-2-b.tsv", "manifest.json"])
    }

    /// A run that fails while writing its results (report.html cannot be put in place: a
    /// folder is in the way) removes them all, and the earlier run's too; the fits stay and
    /// `--resume` finishes the run.
    func testAFailedRunLeavesNoFolderThatLooksFinished() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        try Pipeline.select(parameters, out: out, execution: GolubRun.execution)
        let ranking = try GolubRun.ranking(out)
        try FileManager.default.removeItem(atPath: out + "/report.html")
        try FileManager.default.createDirectory(atPath: out + "/report.html", withIntermediateDirectories: true)
        try "someone's".write(toFile: out + "/report.html/kept", atomically: true, encoding: .utf8)
        let failed = GolubRun.error { try Pipeline.select(self.parameters, out: out, execution: GolubRun.execution) }
        XCTAssertEqual(failed, "\(out)/report.html: is a directory; expected a file (or nothing) at this path, where gsel writes a result file")
        let left = OutputFiles.list(out)
        for name in ["run.json", "ranking.tsv", "selection_path.tsv", "evaluation.tsv"] {
            XCTAssertFalse(left.contains(name), "\(name) left behind: \(left)")
        }
        XCTAssertTrue(left.contains("report.html/kept"), "the folder in the way is not ours to remove")
        XCTAssertTrue(left.contains("fits/manifest.json") && left.contains("fits/fit-1-a.tsv"), "\(left)")
        XCTAssertFalse(left.contains { $0.contains(".tmp-") || $0.hasSuffix(".lock") }, "\(left)")

        try FileManager.default.removeItem(atPath: out + "/report.html")
        let resumed = try Pipeline.select(parameters, out: out, resume: true, execution: GolubRun.execution)
        XCTAssertEqual(resumed.fitsComputed, 0)
        XCTAssertEqual(try GolubRun.ranking(out), ranking)
        // run.json is the completion marker: written after every other result file.
        let marker = try Self.modified(out + "/run.json")
        for name in ["ranking.tsv", "selection_path.tsv", "evaluation.tsv", "report.html"] {
            XCTAssertGreaterThanOrEqual(marker, try Self.modified(out + "/" + name), name)
        }
    }

    /// The earlier run's results go as soon as a new run takes the folder (not when it
    /// finishes), and only once its fits folder is accepted: a refused `--resume` keeps them.
    func testAStaleCompletionMarkerDoesNotSurviveANewRun() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        try Pipeline.select(parameters, out: out, execution: GolubRun.execution)
        let otherSeed = GolubRun.parameters(seed: 6, repeats: 1, method: .marginal)
        let refused = GolubRun.error { try Pipeline.select(otherSeed, out: out, resume: true, execution: GolubRun.execution) }
        XCTAssertTrue(refused?.contains("seed is 6 here but 5 there") == true, refused ?? "accepted")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/run.json"), "a refused resume changes nothing")

        // A new run that fails during its fits (a fit file it must replace is a folder).
        try FileManager.default.removeItem(atPath: out + "/fits/fit-1-a.tsv")
        try FileManager.default.createDirectory(atPath: out + "/fits/fit-1-a.tsv/x", withIntermediateDirectories: true)
        let failed = GolubRun.error { try Pipeline.select(otherSeed, out: out, execution: GolubRun.execution) }
        XCTAssertTrue(failed?.contains("fit-1-a.tsv") == true, failed ?? "accepted")
        for name in RunOutputs.fileNames {
            XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/" + name), "\(name) of the earlier run survived")
        }
    }

    /// A file where gsel writes a folder: refused before any work, naming the path.
    func testAFileWhereAFolderBelongsIsNamed() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "x".write(toFile: out + "/fits", atomically: true, encoding: .utf8)
        let select = GolubRun.error { try Pipeline.select(self.parameters, out: out, execution: GolubRun.execution) }
        XCTAssertEqual(select, "\(out)/fits: is a file, but gsel writes its fits folder here; expected a directory (remove or rename the file)")
        // Below --out, where the early check does not look: a chunk's folder of a chunked run.
        var chunked = parameters
        chunked.input.chunking = ChunkParameters(count: 2)
        let chunks = dir.path("chunked")
        try FileManager.default.createDirectory(atPath: chunks + "/chunks", withIntermediateDirectories: true)
        try "x".write(toFile: chunks + "/chunks/chunk-1", atomically: true, encoding: .utf8)
        let nested = GolubRun.error { try Pipeline.select(chunked, out: chunks, execution: GolubRun.execution) }
        XCTAssertEqual(nested, "\(chunks)/chunks/chunk-1/fits: cannot create the folder of fit files: \(chunks)/chunks/chunk-1 is a file; expected a directory")
        XCTAssertFalse(FileManager.default.fileExists(atPath: chunks + "/.gsel.lock"))
    }

    /// A run that fails before it writes anything leaves no folder, lock included.
    func testARefusedRunLeavesNoFolder() throws {
        let dir = try TemporaryDirectory()
        var bad = parameters
        bad.input.labels = try dir.write("labels.tsv", "sample_id\tlabel\nnobody\tALL\n")
        XCTAssertNotNil(GolubRun.error { try Pipeline.select(bad, out: dir.path("new/out"), execution: GolubRun.execution) })
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("new")))
    }

    // MARK: - Helpers

    static func modified(_ path: String) throws -> Date {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    }
}

/// Log lines collected from a run.
private final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
