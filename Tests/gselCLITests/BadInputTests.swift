import Foundation
import XCTest
import _TestSupport

/// Every malformed input: non-zero exit, one clear line on stderr naming the file and
/// the place, no stack trace, and no output directory left behind.
final class BadInputTests: XCTestCase {
    var dir: TemporaryDirectory!
    var labels: String!

    override func setUpWithError() throws {
        dir = try TemporaryDirectory()
        labels = try dir.write("labels.tsv", "sample_id\tlabel\ns1\ta\ns2\tb\ns3\ta\ns4\tb\n")
    }

    /// Runs gsel on `input` and checks the failure contract; returns stderr.
    @discardableResult
    func expectFailure(_ input: String, extra: [String] = [], labels: String? = nil, k: String = "1",
                       mentions: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let out = dir.path("out-\(UUID().uuidString)")
        let r = try GSelProcess.gsel(["--input", input, "--labels", labels ?? self.labels, "--k", k,
                                      "--repeats", "0", "--out", out] + extra)
        XCTAssertNotEqual(r.status, 0, "expected failure, got success", file: file, line: line)
        let lines = r.stderr.split(separator: "\n").filter { $0.lowercased().contains("error") }
        XCTAssertEqual(lines.count, 1, "one error line, got: \(r.stderr)", file: file, line: line)
        for m in mentions { XCTAssertTrue(r.stderr.contains(m), "stderr should mention '\(m)': \(r.stderr)", file: file, line: line) }
        XCTAssertFalse(r.stderr.contains("Fatal error") || r.stderr.contains("Stack dump"), r.stderr, file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "no output left behind", file: file, line: line)
        return r.stderr
    }

    func testMissingFile() throws {
        try expectFailure(dir.path("nope.tsv"), mentions: ["nope.tsv", "No such file"])
    }

    func testEmptyFile() throws {
        try expectFailure(try dir.write("empty.tsv", ""), mentions: ["empty.tsv", "empty"])
    }

    func testNotGzip() throws {
        try expectFailure(try dir.write("fake.tsv.gz", "sample_id\tg1\ns1\t1\n"), mentions: ["fake.tsv.gz", "gzip"])
    }

    func testTruncatedGzip() throws {
        var text = "sample_id\t" + (0 ..< 50).map { "g\($0)" }.joined(separator: "\t") + "\n"
        for s in 1 ... 200 { text += "s\(s)\t" + (0 ..< 50).map { "\(Double(($0 * 7919 + s * 104729) % 1000) / 7.0)" }.joined(separator: "\t") + "\n" }
        let plain = try dir.write("m.tsv", text)
        XCTAssertEqual(try GSelProcess.run("gzip", ["-kf", plain]).status, 0)
        let gz = try Data(contentsOf: URL(fileURLWithPath: plain + ".gz"))
        let cut = dir.path("cut.tsv.gz")
        try gz.prefix(gz.count / 2).write(to: URL(fileURLWithPath: cut))
        try expectFailure(cut, mentions: ["cut.tsv.gz", "truncated"])
    }

    func testRaggedRow() throws {
        let f = try dir.write("ragged.tsv", "sample_id\tg1\tg2\ns1\t1\t2\ns2\t3\ns3\t4\t5\ns4\t1\t1\n")
        try expectFailure(f, mentions: ["ragged.tsv", "line 3", "3", "2"])
    }

    func testNonNumericCell() throws {
        let f = try dir.write("text.tsv", "sample_id\tg1\tg2\ns1\t1\t2\ns2\t3\tabc\ns3\t4\t5\ns4\t1\t1\n")
        try expectFailure(f, mentions: ["text.tsv", "line 3", "g2", "abc"])
    }

    func testDuplicateSampleIDs() throws {
        let f = try dir.write("dup.tsv", "sample_id\tg1\tg2\ns1\t1\t2\ns2\t3\t3\ns1\t4\t5\ns4\t1\t1\n")
        try expectFailure(f, mentions: ["dup.tsv", "s1"])
    }

    func testDuplicateFeatureIDs() throws {
        let f = try dir.write("dupf.tsv", "sample_id\tg1\tg1\ns1\t1\t2\ns2\t3\t3\ns3\t4\t5\ns4\t1\t1\n")
        try expectFailure(f, mentions: ["dupf.tsv", "g1"])
    }

    func testKOutOfRange() throws {
        let f = try dir.write("ok.tsv", "sample_id\tg1\tg2\ns1\t1\t2\ns2\t3\t3\ns3\t4\t5\ns4\t1\t1\n")
        try expectFailure(f, k: "0", mentions: ["--k"])
        try expectFailure(f, k: "3", mentions: ["--k 3", "2"])
    }

    func testLabelFileWithoutUsableColumn() throws {
        let f = try dir.write("ok.tsv", "sample_id\tg1\tg2\ns1\t1\t2\ns2\t3\t3\ns3\t4\t5\ns4\t1\t1\n")
        let onlyIDs = try dir.write("ids.tsv", "sample_id\ns1\ns2\n")
        try expectFailure(f, labels: onlyIDs, mentions: ["ids.tsv", "label"])
        let twoCols = try dir.write("two.tsv", "sample_id\ta\tb\ns1\tx\ty\n")
        try expectFailure(f, labels: twoCols, mentions: ["two.tsv", "--label-col"])
    }

    func testLabelsMatchingNoSample() throws {
        let f = try dir.write("ok.tsv", "sample_id\tg1\tg2\ns1\t1\t2\ns2\t3\t3\ns3\t4\t5\ns4\t1\t1\n")
        let other = try dir.write("other.tsv", "sample_id\tlabel\nx1\ta\nx2\tb\n")
        try expectFailure(f, labels: other, mentions: ["other.tsv", "x1", "s1"])
    }

    /// Hostile option values end in one clear line naming the flag, never a trap or an
    /// allocation failure (issue: clean clone and hostile input).
    func testHostileOptionValues() throws {
        let f = try dir.write("ok.tsv", "sample_id\tg1\tg2\ns1\t1\t2\ns2\t3\t3\ns3\t4\t5\ns4\t1\t1\n")
        let cases: [([String], [String])] = [
            (["--max-memory", "1e30G"], ["--max-memory", "1e30G"]),
            (["--max-memory", "nanG"], ["--max-memory", "nanG"]),
            (["--epochs", "4611686018427387904"], ["--epochs", "4611686018427387904"]),
            (["--hidden", "100000000000"], ["--hidden", "100000000000"]),
            (["--hidden", "60000,60000"], ["--hidden", "weights"]),
            (["--repeats", "-3"], ["--repeats", "-3"]),
            (["--batch-size", "0"], ["--batch-size"]),
            (["--learning-rate", "nan"], ["--learning-rate"]),
        ]
        for (extra, mentions) in cases {
            try expectFailure(f, extra: extra, mentions: mentions)
        }
    }

    /// An --out that names a file, or lies below one, is refused before any work, naming the path.
    func testOutThatCannotBeWritten() throws {
        let f = try dir.write("ok.tsv", "sample_id\tg1\tg2\ns1\t1\t2\ns2\t3\t3\ns3\t4\t5\ns4\t1\t1\n")
        let file = try dir.write("not-a-dir", "x")
        for out in [file, file + "/sub"] {
            let r = try GSelProcess.gsel(["--input", f, "--labels", labels, "--k", "1", "--repeats", "0", "--out", out])
            XCTAssertNotEqual(r.status, 0)
            XCTAssertTrue(r.stderr.contains(file) && r.stderr.contains("--out"), r.stderr)
            XCTAssertFalse(r.stderr.contains("NSCocoaErrorDomain"), r.stderr)
        }
    }

    func testBadThresholdAndRepeats() throws {
        let f = try dir.write("ok.tsv", "sample_id\tg1\tg2\ns1\t1\t2\ns2\t3\t3\ns3\t4\t5\ns4\t1\t1\n")
        try expectFailure(f, extra: ["--threshold", "0.4"], mentions: ["--threshold", "(0.5, 1]"])
        try expectFailure(f, extra: ["--repeats", "-1"], mentions: ["--repeats"])
    }
}
