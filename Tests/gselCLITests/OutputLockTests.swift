import Foundation
import XCTest
import _TestSupport

/// One run per `--out` through the binary (issue 24): while a gsel process writes a folder,
/// a second `select` or `aggregate` into it is refused at once, naming the lock file, the
/// holder's pid and host; a lock whose process is gone is taken over; a terminated run
/// (SIGTERM, as a batch system's time limit sends) removes its lock.
final class OutputLockTests: XCTestCase {
    let input = GSelProcess.testData("golub/golub.expr.tsv.gz")
    let labels = GSelProcess.testData("golub/golub.labels.tsv")
    var common: [String] {
        ["--input", input, "--labels", labels, "--label-col", "label", "--k", "5", "--seed", "5"]
    }

    func testASecondRunIsRefusedWhileTheFirstWrites() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out"), lock = dir.path("out/.gsel.lock")
        let first = try start(common + ["--repeats", "2", "--full-fits", "2", "--threads", "1", "--quiet", "--out", out])
        XCTAssertTrue(waitFor(lock), "the first run took the lock")
        let pid = first.processIdentifier
        for second in [common + ["--repeats", "2", "--out", out], ["aggregate", out, "--out", out]] {
            let r = try GSelProcess.gsel(second)
            XCTAssertEqual(r.status, 1, r.stderr)
            let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("gsel: error: ") }
            XCTAssertEqual(errors.count, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains("gsel: error: \(lock): another gsel run (pid \(pid) on host \(OutputLockRecord.host)"), r.stderr)
        }
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0, "the holder finished undisturbed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/run.json"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock), "the lock goes with its run")
    }

    /// The lock names a live process (a `sleep`): refused; once it is gone, taken over.
    func testALockOfALiveProcessRefusesAndAGoneOneIsTakenOver() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out"), lock = dir.path("out/.gsel.lock")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let sleeper = try start(["60"], executable: URL(fileURLWithPath: "/bin/sleep"))
        defer { if sleeper.isRunning { kill(sleeper.processIdentifier, SIGKILL) } }
        try OutputLockRecord.write(in: out, pid: sleeper.processIdentifier)
        let refused = try GSelProcess.gsel(common + ["--repeats", "1", "--method", "marginal", "--out", out])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("\(lock): another gsel run (pid \(sleeper.processIdentifier) on host \(OutputLockRecord.host)"),
                      refused.stderr)
        XCTAssertEqual(OutputFiles.list(out), [".gsel.lock"], "nothing written")

        kill(sleeper.processIdentifier, SIGKILL)
        sleeper.waitUntilExit()
        let taken = try GSelProcess.gsel(common + ["--repeats", "1", "--method", "marginal", "--out", out])
        XCTAssertEqual(taken.status, 0, taken.stderr)
        XCTAssertTrue(taken.stderr.contains("gsel: \(lock): taking over the lock of a run that is gone (pid \(sleeper.processIdentifier)"),
                      taken.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock))
    }

    /// SIGTERM ends the run as before (by the signal), without its lock and without results.
    func testATerminatedRunRemovesItsLock() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out"), lock = dir.path("out/.gsel.lock")
        let run = try start(common + ["--repeats", "2", "--full-fits", "2", "--threads", "1", "--quiet", "--out", out])
        XCTAssertTrue(waitFor(lock))
        kill(run.processIdentifier, SIGTERM)
        run.waitUntilExit()
        XCTAssertEqual(run.terminationReason, .uncaughtSignal)
        XCTAssertEqual(run.terminationStatus, SIGTERM)
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock), "the lock went with the signal")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/run.json"))
    }

    // MARK: - Helpers

    private func start(_ arguments: [String], executable: URL = GSelProcess.binary) throws -> Process {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Waits up to 60 s for the lock record at `path` (its pid written).
    private func waitFor(_ path: String) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), text.contains("host: ") { return true }
            usleep(10_000)
        }
        return false
    }
}
