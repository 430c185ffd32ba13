import Foundation
import XCTest
import _TestSupport

/// `--include FILE` through the binary (issue 22): on planted data where an included driver
/// makes its near-copy redundant, every fit (halves and full-split fits) picks the included
/// feature first and never the copy, ranking.tsv lists it first marked `included`, and the
/// other drivers follow; the errors name the file and line, or the setting.
final class IncludeEndToEndTests: XCTestCase {
    private func index(_ id: String) -> Int { Int(id.dropFirst())! }

    func testIncludedDriverLeadsEveryFitAndItsCopyIsNeverPicked() throws {
        let dir = try TemporaryDirectory()
        let planted = PlantedSignal(samples: 600, features: 200, linearCount: 4, pair: .xor(weight: 0), seed: 11)
        let (matrix, labels) = planted.tsv()
        try dir.write("x.tsv", matrix)
        try dir.write("y.tsv", labels)
        let (original, copy) = planted.duplicates[0]
        let markers = try dir.write("markers.txt", "# the lab's marker\nf\(original)\n")
        let out = dir.path("out")
        let r = try GSelProcess.gsel(["--input", dir.path("x.tsv"), "--labels", dir.path("y.tsv"), "--k", "4",
                                      "--repeats", "5", "--full-fits", "2", "--include", markers,
                                      "--seed", "3", "--out", out, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try OutputFiles.tsv(out + "/ranking.tsv")
        XCTAssertEqual(rows.count, 4, "k counts the included feature")
        XCTAssertEqual(rows[0]["feature_id"], "f\(original)")
        XCTAssertEqual(rows.map { $0["included"] }, ["true", "false", "false", "false"])
        XCTAssertEqual(rows[0]["stable"], "false", "an included feature is not selected, so not stable")
        let header = try String(contentsOfFile: out + "/ranking.tsv", encoding: .utf8).split(separator: "\n")[0]
        XCTAssertTrue(header.hasSuffix("\tproxies\tinteracts_with\tincluded"), "the new column comes last: \(header)")
        let top = rows.map { index($0["feature_id"]!) }
        XCTAssertFalse(top.contains(copy), "the copy of the included driver is in the ranking: \(top)")
        XCTAssertFalse(rows[0]["proxies"]!.contains("f\(copy):"), "no substitute merged into the included row")
        let copyOf = Dictionary(uniqueKeysWithValues: planted.duplicates)
        for j in planted.linear.dropFirst() {
            XCTAssertTrue(top.contains(j) || top.contains(copyOf[j] ?? -1), "driver f\(j) missing: \(top)")
        }
        // Every fit file: the included feature first, its copy never.
        let fits = OutputFiles.list(out + "/fits").filter { $0.hasPrefix("fit-") }
        XCTAssertEqual(fits.count, 12, "10 halves and 2 full-split fits")
        for name in fits {
            let picks = try String(contentsOfFile: out + "/fits/" + name, encoding: .utf8).split(separator: "\n")
                .filter { $0.hasPrefix("pick\t") }.map { Int($0.split(separator: "\t")[2])! }
            XCTAssertEqual(picks.count, 4, name)
            XCTAssertEqual(picks.first, original, "\(name): \(picks)")
            XCTAssertFalse(picks.contains(copy), "\(name) picked the copy: \(picks)")
        }
        // run.json records the list, its checksum and that it counts toward k.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let include = try XCTUnwrap(json["include"] as? [String: Any])
        XCTAssertEqual(include["features"] as? [String], ["f\(original)"])
        XCTAssertEqual((include["sha256"] as? String)?.count, 64)
        XCTAssertEqual(include["extra"] as? Bool, false)

        // --include-extra: k more after the included one; the marginal method puts it first too.
        let extra = dir.path("extra")
        let e = try GSelProcess.gsel(["--input", dir.path("x.tsv"), "--labels", dir.path("y.tsv"), "--k", "3",
                                      "--method", "marginal", "--repeats", "0", "--include", markers, "--include-extra",
                                      "--out", extra, "--quiet"])
        XCTAssertEqual(e.status, 0, e.stderr)
        let extraRows = try OutputFiles.tsv(extra + "/ranking.tsv")
        XCTAssertEqual(extraRows.count, 4, "1 included + k 3")
        XCTAssertEqual(extraRows.map { $0["included"] }, ["true", "false", "false", "false"])
        XCTAssertEqual(extraRows[0]["feature_id"], "f\(original)")

        // A changed include list is refused on --resume (its SHA-256 is in the fingerprint).
        try dir.write("markers.txt", "f\(planted.linear[1])\n")
        let resumed = try GSelProcess.gsel(["--input", dir.path("x.tsv"), "--labels", dir.path("y.tsv"), "--k", "4",
                                            "--repeats", "5", "--full-fits", "2", "--include", markers,
                                            "--seed", "3", "--out", out, "--quiet", "--resume"])
        XCTAssertNotEqual(resumed.status, 0, "resumed fits of another include list")
        XCTAssertTrue(resumed.stderr.contains("include SHA-256"), resumed.stderr)
    }

    func testErrorsNameTheFileLineOrSetting() throws {
        let dir = try TemporaryDirectory()
        let planted = PlantedSignal(samples: 60, features: 20, seed: 2)
        let (matrix, labels) = planted.tsv()
        try dir.write("x.tsv", matrix)
        try dir.write("y.tsv", labels)
        func run(_ list: String, _ extra: [String]) throws -> GSelProcess.Result {
            let path = try dir.write("list.txt", list)
            return try GSelProcess.gsel(["--input", dir.path("x.tsv"), "--labels", dir.path("y.tsv"), "--repeats", "0",
                                         "--include", path, "--out", dir.path("out"), "--quiet"] + extra)
        }
        let unknown = try run("f1\n\nf99\n", ["--k", "3"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("list.txt: line 3: 'f99' is not a feature of the input"), unknown.stderr)
        let twice = try run("f1\nf1\n", ["--k", "3"])
        XCTAssertTrue(twice.stderr.contains("line 2") && twice.stderr.contains("listed twice"), twice.stderr)
        let full = try run("f1\nf2\n", ["--k", "2"])
        XCTAssertNotEqual(full.status, 0)
        XCTAssertTrue(full.stderr.contains("--include") && full.stderr.contains("--include-extra"), full.stderr)
        let ok = try run("f1\nf2\n", ["--k", "2", "--include-extra"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(try OutputFiles.tsv(dir.path("out") + "/ranking.tsv").count, 4)
    }
}
