import Foundation
import XCTest
import _TestSupport

/// The genome-chunk flags through the binary: a bad --region, --chunk or --chunks, or a
/// tournament over something that is not a chunk run, ends with one error line naming the
/// flag or the path, a non-zero exit and no output.
final class ChunkOptionTests: XCTestCase {
    func testBadChunkSettingsAreOneClearError() throws {
        let dir = try TemporaryDirectory()
        let input = try dir.write("x.tsv", "sample_id\tg1\tg2\tg3\ns1\t1\t2\t0\ns2\t3\t3\t1\ns3\t4\t5\t0\ns4\t1\t1\t1\n")
        let labels = try dir.write("labels.tsv", "sample_id\tlabel\ns1\ta\ns2\tb\ns3\ta\ns4\tb\n")
        let cases: [([String], [String])] = [
            (["--region", "20:9-5"], ["--region '20:9-5': END (5) is before START (9); expected 1 <= START <= END"]),
            (["--region", "1:1-99999999999999999999"], ["--region '1:1-99999999999999999999': END 99999999999999999999 is beyond any position"]),
            (["--region", "HLA-A*01:01"], ["--region 'HLA-A*01:01': expected START-END or START- (1-based positions) after the last ':', found '01'; a contig whose name holds ':' is written in braces: {HLA-A*01:01}"]),
            (["--region", "{HLA-A*01:01}:1-100"], [input, "--region {HLA-A*01:01}:1-100 needs variant positions"]),
            (["--chunk", "2"], ["--chunk needs --chunks N"]),
            (["--chunks", "3", "--chunk", "5"], ["--chunk must be between 1 and --chunks (3); got 5"]),
            (["--chunks", "0"], ["--chunks must be between 1 and"]),
            (["--region", "1:1-100"], [input, "--region 1:1-100 needs variant positions"]),
            (["--chunks", "9"], [input, "3 features cannot be split into 9 chunks"]),
            (["--chunks", "3", "--chunk", "1", "--k", "2"], ["--k 2 is larger than the number of features (1)", "chunk 1 of 3"]),
        ]
        for (extra, mentions) in cases {
            let out = dir.path("out-\(UUID().uuidString)")
            let k = extra.contains("--k") ? [] : ["--k", "1"]
            let r = try GSelProcess.gsel(["select", "--input", input, "--labels", labels, "--repeats", "0", "--method", "marginal",
                                          "--out", out] + k + extra)
            XCTAssertNotEqual(r.status, 0, "\(extra): expected failure")
            let errors = r.stderr.split(separator: "\n").filter { $0.lowercased().contains("error") }
            XCTAssertEqual(errors.count, 1, "\(extra): one error line, got: \(r.stderr)")
            for m in mentions { XCTAssertTrue(r.stderr.contains(m), "\(extra): stderr should mention '\(m)': \(r.stderr)") }
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(extra): no output left behind")
        }
        let pairOnly = try GSelProcess.gsel(["repeat", "--pair", "1", "--input", input, "--labels", labels, "--k", "1",
                                             "--chunks", "2", "--out", dir.path("r")])
        XCTAssertNotEqual(pairOnly.status, 0)
        XCTAssertTrue(pairOnly.stderr.contains("gsel: error: --chunk is needed with --chunks 2"), pairOnly.stderr)
        let notChunks = try GSelProcess.gsel(["aggregate", "--tournament", dir.path("."), "--out", dir.path("t")])
        XCTAssertNotEqual(notChunks.status, 0)
        XCTAssertTrue(notChunks.stderr.contains("winners.json") && notChunks.stderr.contains("cannot read the chunk's winners"),
                      notChunks.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("t")))
    }
}
