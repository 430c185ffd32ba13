import Foundation
import XCTest
import _TestSupport

/// A negative number after a flag that takes a number is read as its value and refused by
/// that flag's own check (issue 24: "Missing value for '--seed <seed>'" although a value was
/// given), and `--max-memory` too small for the network says what the limit bounds.
final class NumericOptionTests: XCTestCase {
    private var dir: TemporaryDirectory!
    private var input: String!
    private var labels: String!

    override func setUpWithError() throws {
        dir = try TemporaryDirectory()
        input = try dir.write("x.tsv", "sample_id\tg1\tg2\ns1\t1\t2\ns2\t3\t3\ns3\t4\t5\ns4\t1\t1\n")
        labels = try dir.write("labels.tsv", "sample_id\tlabel\ns1\ta\ns2\tb\ns3\ta\ns4\tb\n")
    }

    /// Runs `arguments` and returns the one error line (the whole of stderr when there is not exactly one).
    private func errorLine(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try GSelProcess.gsel(arguments)
        XCTAssertNotEqual(r.status, 0, "expected failure: \(r.stderr)", file: file, line: line)
        XCTAssertFalse(r.stderr.contains("Missing value"), r.stderr, file: file, line: line)
        let errors = r.stderr.split(separator: "\n").filter { $0.lowercased().contains("error") }
        XCTAssertEqual(errors.count, 1, "one error line: \(r.stderr)", file: file, line: line)
        return errors.count == 1 ? String(errors[0]) : r.stderr
    }

    private func select(_ extra: [String]) -> [String] {
        ["select", "--input", input, "--labels", labels, "--k", "1", "--repeats", "0", "--out", dir.path("out")] + extra
    }

    func testNegativeNumbersAreValuesWithTheFlagsOwnMessage() throws {
        let cases: [([String], String)] = [
            (["--seed", "-1"], "--seed must be an integer from 0 to 18446744073709551615; got '-1'"),
            (["--hidden", "-1"], "--hidden layer widths must be between 1 and 65536 (0 alone = linear model); got -1"),
            (["--max-memory", "-1G"], "--max-memory: expected a size like 800M, 4G or 1.5T; got '-1G'"),
            (["--threads", "-1"], "--threads must be between 1 and 4096; got -1"),
            (["--repeats", "-1"], "--repeats must be between 0 and 100000; got -1"),
        ]
        for (extra, expected) in cases {
            XCTAssertTrue(try errorLine(select(extra)).contains(expected), "\(extra): expected '\(expected)'")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("out")), "no output left behind")
        let export = try errorLine(["export", "--input", input, "--out", dir.path("x.tsv.out"), "--threads", "-2"])
        XCTAssertTrue(export.contains("--threads must be between 1 and 4096; got -2"), export)
        let aggregate = try errorLine(["aggregate", dir.path("."), "--out", dir.path("agg"), "--threads", "-2"])
        XCTAssertTrue(aggregate.contains("--threads must be between 1 and 4096; got -2"), aggregate)
    }

    /// `--max-memory 1` (one byte) is refused for the network, and the message says that
    /// --max-memory bounds the store and each fit's network, and that a bare number is bytes.
    func testMaxMemoryTooSmallForTheNetworkSaysWhatItBounds() throws {
        let message = try errorLine(select(["--max-memory", "1"]))
        XCTAssertTrue(message.contains("gsel: error: --hidden makes a network of 337 weights over 2 features that needs 5.3 KiB per fit, more than the --max-memory limit of 1 B, which bounds the matrix store and each fit's network (a size without a unit is in bytes"), message)
    }
}
