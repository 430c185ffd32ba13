import Foundation
import XCTest
import _TestSupport

/// `--groups`: whole groups are scored and picked (planted data with a known answer).
final class GroupSelectionTests: XCTestCase {
    private var dir: TemporaryDirectory!
    private var planted: PlantedGroups!
    private var base: [String] = []

    override func setUpWithError() throws {
        dir = try TemporaryDirectory()
        planted = PlantedGroups(samples: 400, groupCount: 60, groupSize: 5, informative: 3, noise: 3, seed: 1)
        let (matrix, labels, groups) = planted.tsv()
        base = ["--input", try dir.write("x.tsv", matrix), "--labels", try dir.write("y.tsv", labels),
                "--groups", try dir.write("groups.tsv", groups), "--k", "3", "--seed", "1", "--quiet"]
    }

    @discardableResult
    private func gsel(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> GSelProcess.Result {
        let r = try GSelProcess.gsel(arguments)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        return r
    }

    /// Ranking rows, checked for the group columns, member counts and the effect of a member.
    /// The rows of a group run's ranking.tsv; `stability` runs have the full-split columns.
    private func groupRanking(_ out: String, stability: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: String]] {
        let header = try String(contentsOfFile: out + "/ranking.tsv", encoding: .utf8).split(separator: "\n")
            .first { !$0.hasPrefix("#") }
        let full = stability ? "\tfull_fit_frequency\tsupport" : ""
        XCTAssertEqual(header, "rank\tgroup_id\tn_members\tselection_frequency\(full)\tstable\tmean_selection_order\tattention_weight\teffect",
                       file: file, line: line)
        let rows = try OutputFiles.tsv(out + "/ranking.tsv")
        for row in rows {
            XCTAssertEqual(row["n_members"], "5", file: file, line: line)
            // effect = member_id:Cohen's d of control minus case; informative members are larger in cases.
            let parts = row["effect"]!.split(separator: ":")
            let member = Int(parts[0].dropFirst())!
            XCTAssertEqual(planted.groupID(planted.groupOf[member]), row["group_id"], "the effect names a member", file: file, line: line)
            if planted.informative.map(planted.groupID).contains(row["group_id"]!) {
                XCTAssertLessThan(Double(parts[1])!, -0.2, file: file, line: line)
            }
        }
        return rows
    }

    func testSingleFitRecoversThePlantedGroups() throws {
        let out = dir.path("single")
        try gsel(base + ["--repeats", "0", "--out", out])
        let rows = try groupRanking(out)
        XCTAssertEqual(Set(rows.map { $0["group_id"]! }), Set(planted.informative.map(planted.groupID)))
        let evaluation = try OutputFiles.tsv(out + "/evaluation.tsv")
        XCTAssertEqual(evaluation.map { "\($0["method"]!):\($0["k"]!)" },
                       ["gsel-sa:1", "gsel-sa:2", "gsel-sa:3", "marginal:1", "marginal:2", "marginal:3"])
        let auroc = evaluation.prefix(3).map { Double($0["auroc"]!)! }
        XCTAssertGreaterThan(auroc[2], 0.75, "the 15 members of the 3 groups predict y")
        XCTAssertGreaterThan(auroc[2], auroc[0], "each group adds signal")
        let path = try OutputFiles.tsv(out + "/selection_path.tsv")
        XCTAssertEqual(path.map { $0["group_id"]! }, rows.map { $0["group_id"]! })
        let fit = try String(contentsOfFile: out + "/fits/fit-0-a.tsv", encoding: .utf8)
        XCTAssertTrue(fit.contains("\tG\(planted.informative[0])\t"), "fit files name groups")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let groups = json["groups"] as! [String: Any]
        XCTAssertEqual(groups["groups"] as? Int, 60)
        XCTAssertEqual(groups["ungrouped_features"] as? Int, 0)
        XCTAssertEqual((json["stability"] as! [String: Any])["p"] as? Int, 60, "p counts candidate groups")
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        XCTAssertTrue(report.contains("top 3 of 60 groups"))
    }

    /// Stability selection over groups; the scattered run (`repeat` + `aggregate`) gives the
    /// same bytes, and a changed group file is refused by `aggregate` and `--resume`.
    func testStabilitySelectionOverGroupsAndScatteredRun() throws {
        let out = dir.path("stable")
        try gsel(base + ["--repeats", "3", "--out", out])
        let rows = try groupRanking(out, stability: true)
        XCTAssertEqual(Set(rows.map { $0["group_id"]! }), Set(planted.informative.map(planted.groupID)))
        XCTAssertTrue(rows.allSatisfy { $0["stable"] == "true" }, "each planted group is picked in at least 4 of 6 fits: \(rows)")

        let parts = try (1 ... 3).map { pair -> String in
            let d = dir.path("pair\(pair)")
            try gsel(["repeat", "--pair", "\(pair)", "--repeats", "3", "--out", d] + base)
            return d
        }
        let gathered = dir.path("gathered")
        try gsel(["aggregate"] + parts + ["--out", gathered, "--quiet"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: gathered + "/ranking.tsv")),
                       try Data(contentsOf: URL(fileURLWithPath: out + "/ranking.tsv")))

        // The same membership with a trailing blank line: another file by its SHA-256.
        let moved = try dir.write("moved.tsv", try String(contentsOfFile: dir.path("groups.tsv"), encoding: .utf8) + "\n")
        let refused = try GSelProcess.gsel(["aggregate"] + parts + ["--groups", moved, "--out", dir.path("refused"), "--quiet"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("SHA-256"), refused.stderr)
        let resumed = try GSelProcess.gsel(base.map { $0.hasSuffix("groups.tsv") ? moved : $0 } + ["--repeats", "3", "--out", out, "--resume"])
        XCTAssertNotEqual(resumed.status, 0)
        XCTAssertTrue(resumed.stderr.contains("groups SHA-256"), resumed.stderr)
    }

    func testMarginalRanksGroupsAndOMPIsRefused() throws {
        let out = dir.path("marginal")
        try gsel(base + ["--repeats", "0", "--method", "marginal", "--out", out])
        let header = try String(contentsOfFile: out + "/ranking.tsv", encoding: .utf8).split(separator: "\n").first { !$0.hasPrefix("#") }
        XCTAssertTrue(header?.hasPrefix("rank\tgroup_id\tn_members\t") ?? false, "\(header ?? "")")
        XCTAssertEqual(try OutputFiles.tsv(out + "/ranking.tsv").count, 3)
        let omp = try GSelProcess.gsel(base + ["--repeats", "0", "--method", "omp", "--out", dir.path("omp")])
        XCTAssertNotEqual(omp.status, 0)
        XCTAssertTrue(omp.stderr.contains("--groups is not supported with method omp"), omp.stderr)
    }

    func testBadGroupFilesFailWithFileAndLine() throws {
        let unknown = try dir.write("unknown.tsv", "f1\tA\nf2\tA\nnope\tB\nf3\tB\nalso_not\tC\n")
        let r = try GSelProcess.gsel(base.map { $0.hasSuffix("groups.tsv") ? unknown : $0 } + ["--repeats", "0", "--out", dir.path("u")])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("unknown.tsv: line 3: 2 of 5 feature ids are not features of the input, e.g. 'nope' (line 3), 'also_not' (line 5)"), r.stderr)
        let twice = try dir.write("twice.tsv", "feature_id\tgroup_id\nf1\tA\nf2\tB\nf1\tC\n")
        let t = try GSelProcess.gsel(base.map { $0.hasSuffix("groups.tsv") ? twice : $0 } + ["--repeats", "0", "--out", dir.path("t")])
        XCTAssertNotEqual(t.status, 0)
        XCTAssertTrue(t.stderr.contains("twice.tsv: line 4: feature 'f1' is in group 'A' (line 2) and in group 'C' (line 4)"), t.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("t")), "no output left behind")
    }
}
