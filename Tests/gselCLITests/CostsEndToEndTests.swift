import Foundation
import XCTest
import _TestSupport

/// `--costs FILE --budget B` through the binary (issue 22, docs/costs-and-budget.md): no fit
/// and no ranking spends more than the budget, a cheap near-copy is bought instead of its
/// dear original, ranking.tsv and evaluation.tsv carry the costs and the Pareto front,
/// run.json records the table, and a changed table is refused on --resume.
final class CostsEndToEndTests: XCTestCase {
    private func index(_ id: String) -> Int { Int(id.dropFirst())! }

    private func write(_ planted: PlantedCosts, _ costs: [Int: Double], in dir: TemporaryDirectory) throws -> [String] {
        let (matrix, labels) = planted.tsv()
        try dir.write("x.tsv", matrix)
        try dir.write("y.tsv", labels)
        let table = try dir.write("costs.tsv", PlantedCosts.costTable(costs))
        return ["--input", dir.path("x.tsv"), "--labels", dir.path("y.tsv"), "--costs", table]
    }

    func testBudgetHoldsAndTheCheapCopyIsBought() throws {
        let dir = try TemporaryDirectory()
        let planted = PlantedCosts(weights: [1, 0.9, 0.8, 0.7], copyOf: 0, seed: 5)
        let (original, copy) = (planted.drivers[0], planted.copy!)
        let input = try write(planted, [original: 3, copy: 1, planted.drivers[3]: 1.5], in: dir)
        let out = dir.path("out")
        let run = input + ["--k", "8", "--budget", "4.5", "--repeats", "5", "--full-fits", "2", "--seed", "3", "--out", out, "--quiet"]
        let r = try GSelProcess.gsel(run)
        XCTAssertEqual(r.status, 0, r.stderr)

        let header = try String(contentsOfFile: out + "/ranking.tsv", encoding: .utf8).split(separator: "\n")[0]
        XCTAssertTrue(header.hasSuffix("\tproxies\tcost\tcumulative_cost"), "the cost columns come last: \(header)")
        let rows = try OutputFiles.tsv(out + "/ranking.tsv")
        var total = 0.0
        for row in rows {
            total += Double(row["cost"]!)!
            XCTAssertEqual(Double(row["cumulative_cost"]!)!, total, accuracy: 1e-9)
        }
        XCTAssertLessThanOrEqual(total, 4.5)
        let ranked = rows.map { index($0["feature_id"]!) }
        XCTAssertTrue(ranked.contains(copy), "the cheap copy is missing: \(ranked)")
        XCTAssertFalse(ranked.contains(original), "the dear original was bought: \(ranked)")
        XCTAssertTrue(Set(planted.drivers.dropFirst()).isSubset(of: ranked), "\(ranked)")

        // Every fit (5 pairs, 2 full-split fits) stays within the budget.
        let costOf: (Int) -> Double = { j in j == original ? 3 : j == copy ? 1 : j == planted.drivers[3] ? 1.5 : 1 }
        let fits = OutputFiles.list(out + "/fits").filter { $0.hasPrefix("fit-") }
        XCTAssertEqual(fits.count, 12)
        for name in fits {
            let picks = try String(contentsOfFile: out + "/fits/" + name, encoding: .utf8).split(separator: "\n")
                .filter { $0.hasPrefix("pick\t") }.map { Int($0.split(separator: "\t")[2])! }
            XCTAssertLessThanOrEqual(picks.reduce(0) { $0 + costOf($1) }, 4.5, "\(name): \(picks)")
        }

        // evaluation.tsv: the cost of each k' within the budget, and a Pareto front per method.
        let evaluation = try OutputFiles.tsv(out + "/evaluation.tsv")
        for method in ["gsel-sa", "marginal"] {
            let mine = evaluation.filter { $0["method"] == method }
            XCTAssertFalse(mine.isEmpty, method)
            XCTAssertTrue(mine.allSatisfy { Double($0["cost"]!)! <= 4.5 }, "\(mine)")
            XCTAssertTrue(mine.contains { $0["pareto_front"] == "true" }, "\(method) has no point on its front")
        }
        XCTAssertEqual(evaluation.filter { $0["method"] == "gsel-sa" }.map { Int($0["k"]!)! }, Array(1 ... rows.count),
                       "every k' of a short budgeted list")

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let costs = try XCTUnwrap(json["costs"] as? [String: Any])
        XCTAssertEqual(costs["budget"] as? Double, 4.5)
        XCTAssertEqual(costs["rule"] as? String, "auto")
        XCTAssertEqual(costs["rule_resolved"] as? String, "near")
        XCTAssertEqual((costs["sha256"] as? String)?.count, 64)
        XCTAssertEqual(costs["ranking_cost"] as? Double, total)
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        XCTAssertTrue(report.contains("Cost of the top k′ features") && report.contains("Cumulative cost"))

        // The same seed gives the same bytes on one thread.
        let one = dir.path("one")
        let o = try GSelProcess.gsel(input + ["--k", "8", "--budget", "4.5", "--repeats", "5", "--full-fits", "2", "--seed", "3",
                                              "--out", one, "--quiet", "--threads", "1"])
        XCTAssertEqual(o.status, 0, o.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: one + "/ranking.tsv")),
                       try Data(contentsOf: URL(fileURLWithPath: out + "/ranking.tsv")))

        // A changed cost table is refused on --resume (its SHA-256 is in the fingerprint).
        try dir.write("costs.tsv", PlantedCosts.costTable([original: 1]))
        let resumed = try GSelProcess.gsel(run + ["--resume"])
        XCTAssertNotEqual(resumed.status, 0, "resumed fits of another cost table")
        XCTAssertTrue(resumed.stderr.contains("costs SHA-256"), resumed.stderr)
    }

    /// A strong driver costing the whole budget against four weak cheap ones: one feature.
    func testAStrongDearDriverTakesTheWholeBudget() throws {
        let dir = try TemporaryDirectory()
        let planted = PlantedCosts(weights: [2, 0.5, 0.5, 0.5, 0.5], seed: 2)
        let input = try write(planted, [planted.drivers[0]: 6], in: dir)
        for method in ["sa", "omp"] {
            let out = dir.path(method)
            let r = try GSelProcess.gsel(input + ["--k", "6", "--budget", "6", "--method", method, "--repeats", "0", "--out", out, "--quiet"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let rows = try OutputFiles.tsv(out + "/ranking.tsv")
            XCTAssertEqual(rows.map { $0["feature_id"]! }, ["f\(planted.drivers[0])"], method)
            XCTAssertEqual(rows.first?["cumulative_cost"], "6.0")
        }
    }

    func testErrorsNameTheSettingOrTheFileAndLine() throws {
        let dir = try TemporaryDirectory()
        let planted = PlantedCosts(samples: 60, features: 20, weights: [1], seed: 1)
        let (matrix, labels) = planted.tsv()
        try dir.write("x.tsv", matrix)
        try dir.write("y.tsv", labels)
        let base = ["--input", dir.path("x.tsv"), "--labels", dir.path("y.tsv"), "--k", "3", "--repeats", "0",
                    "--out", dir.path("out"), "--quiet"]
        func run(_ table: String?, _ extra: [String]) throws -> GSelProcess.Result {
            let costs = try table.map { try dir.write("costs.tsv", $0) }
            return try GSelProcess.gsel(base + (costs.map { ["--costs", $0] } ?? []) + extra)
        }
        let noCosts = try run(nil, ["--budget", "5"])
        XCTAssertNotEqual(noCosts.status, 0)
        XCTAssertTrue(noCosts.stderr.contains("--budget needs --costs FILE"), noCosts.stderr)
        for budget in ["0", "-2", "nan"] {
            let bad = try run("f1\t1\n", ["--budget", budget])
            XCTAssertNotEqual(bad.status, 0, budget)
            XCTAssertTrue(bad.stderr.contains("--budget"), bad.stderr)
        }
        let zero = try run("feature_id\tcost\nf1\t2\nf2\t0\n", [])
        XCTAssertTrue(zero.stderr.contains("costs.tsv: line 3: cost '0' of feature 'f2' is not a finite number > 0"), zero.stderr)
        let unknown = try run("f1\t2\nf99\t1\n", [])
        XCTAssertTrue(unknown.stderr.contains("costs.tsv: line 2: 'f99' is not a feature of the input"), unknown.stderr)
        let partial = try run("f1\t2\n", ["--require-costs"])
        XCTAssertTrue(partial.stderr.contains("19 of 20 features have no cost"), partial.stderr)
        let rule = try run(nil, ["--cost-rule", "ratio"])
        XCTAssertTrue(rule.stderr.contains("--cost-rule needs --costs FILE"), rule.stderr)
        let ok = try run("f1\t2\n", ["--budget", "3"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertLessThanOrEqual(try OutputFiles.tsv(dir.path("out") + "/ranking.tsv").count, 3)
    }
}
