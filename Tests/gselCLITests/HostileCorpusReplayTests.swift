import Foundation
import XCTest
import _TestSupport

/// Replays every case of the hostile-input corpus (`TestData/hostile/cases.tsv`) through the
/// gsel binary. An error case must end with exit status 1 and one error line that names the
/// input or label file and holds the expected text, with nothing written; an `ok:` case must
/// succeed and log the expected text. Every case runs under a time limit that only a hang
/// can reach, and with its address space capped.
final class HostileCorpusReplayTests: XCTestCase {
    /// A hang guard, not a benchmark: every case ends in well under a second.
    static let timeLimit: TimeInterval = 30
    /// Address space allowed to gsel per case (4 GiB): far above what any case needs, far
    /// below what the declared sizes in the corpus would take.
    static let addressSpaceKiB = 4 << 20

    func testEveryCaseEndsAsExpected() throws {
        let cases = try HostileCorpus.cases()
        XCTAssertGreaterThanOrEqual(cases.count, 30, "cases.tsv lists the corpus")
        let dir = try TemporaryDirectory()
        for c in cases {
            let out = dir.path("out-\(UUID().uuidString)")
            // The shell caps gsel's address space, so a case that allocates what a file merely
            // declares fails instead of passing on a machine with memory to spare.
            let r = try GSelProcess.run("/bin/sh", ["-c", "ulimit -v \(Self.addressSpaceKiB) && exec \"$0\" \"$@\"",
                                                    GSelProcess.binary.path,
                                                    "--input", c.input, "--labels", c.labels, "--k", "1", "--repeats", "0",
                                                    "--out", out] + c.arguments, timeLimit: Self.timeLimit)
            XCTAssertFalse(r.timedOut, "\(c): still running after \(Self.timeLimit) s")
            XCTAssertFalse(r.stderr.contains("Program crashed") || r.stderr.contains("Fatal error"), "\(c): \(r.stderr)")
            switch c.expectation {
            case .error(let fragment):
                XCTAssertEqual(r.status, 1, "\(c): expected exit status 1, got \(r.status); stderr: \(r.stderr)")
                let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("gsel: error: ") }
                XCTAssertEqual(errors.count, 1, "\(c): one error line expected: \(r.stderr)")
                let message = String(errors.first ?? "")
                XCTAssertTrue(c.files.contains { message.contains($0) }, "\(c): the message names no file: \(message)")
                XCTAssertTrue(message.contains(fragment), "\(c): expected '\(fragment)' in: \(message)")
                XCTAssertLessThan(message.count, 4200, "\(c): the message is \(message.count) characters long")
                XCTAssertFalse(message.unicodeScalars.contains { $0.value < 0x20 }, "\(c): raw control bytes in: \(message)")
                XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(c): output left behind")
            case .success(let fragment):
                XCTAssertEqual(r.status, 0, "\(c): expected success: \(r.stderr)")
                XCTAssertTrue(r.stderr.contains(fragment), "\(c): expected '\(fragment)' in the log: \(r.stderr)")
            }
        }
    }

    /// Every file of the corpus is the input or the labels of some case, so nothing committed
    /// there goes unreplayed.
    func testEveryCorpusFileIsReplayed() throws {
        let used = Set(try HostileCorpus.cases().flatMap(\.files).map { ($0 as NSString).lastPathComponent })
        let files = try FileManager.default.contentsOfDirectory(atPath: HostileCorpus.directory)
            .filter { $0 != "README.md" && $0 != "cases.tsv" }
        XCTAssertEqual(Set(files).subtracting(used).sorted(), [], "files in TestData/hostile that no case uses")
    }
}
