import Foundation
import XCTest
import _TestSupport

/// The default stability run through the binary on planted data (issue 11): 800 samples x
/// 1,000 features, 6 linear drivers (β 1.0, 0.9, ..., 0.5), near-copies (|r| ≈ 0.995) of two
/// of them, and an XOR pair (weight 1); k = 8, so 8 planted groups (a driver counts with its
/// copy). Single fits never take both copies, but the stability fits split their votes between
/// them; the consensus counts a driver and its copy as one slot.
final class ConsensusRankingEndToEndTests: XCTestCase {
    /// Writes `planted` as TSVs into `dir` and runs the default run on it with k = 8 and
    /// `seed`; returns the out folder and ranking.tsv's rows.
    private func defaultRun(_ planted: PlantedSignal, seed: Int, in dir: TemporaryDirectory) throws -> (out: String, rows: [[String: String]]) {
        let (matrix, labels) = planted.tsv()
        try dir.write("x.tsv", matrix)
        try dir.write("y.tsv", labels)
        let out = dir.path("out")
        let r = try GSelProcess.gsel(["--input", dir.path("x.tsv"), "--labels", dir.path("y.tsv"), "--k", "8",
                                      "--seed", String(seed), "--out", out, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return (out, try OutputFiles.tsv(out + "/ranking.tsv"))
    }

    func testDefaultRunKeepsOneCopyPerSlotAndFindsThePlantedGroups() throws {
        let dir = try TemporaryDirectory()
        let planted = PlantedSignal(samples: 800, features: 1000, linearCount: 6, pair: .xor(weight: 1), seed: 5)
        let (out, rows) = try defaultRun(planted, seed: 5, in: dir)
        XCTAssertEqual(rows.count, 8)
        func index(_ id: String) -> Int { Int(id.dropFirst())! }
        let top = Set(rows.map { index($0["feature_id"]!) })

        let copyOf = Dictionary(uniqueKeysWithValues: planted.duplicates)
        let groups = planted.linear.map { [$0] + (copyOf[$0].map { [$0] } ?? []) } + planted.xorPair.map { [$0] }
        let redundant = planted.duplicates.filter { top.contains($0.0) && top.contains($0.1) }
        XCTAssertEqual(redundant.count, 0, "both copies in the top 8: \(redundant)")
        // Every linear driver (with or without its copy) by name, and the XOR pair, which no
        // fit picks (neither member has a first-order gain): the interaction screen adds it
        // (issue 20), each member marked with its partner.
        let linearGroups = Array(groups.prefix(6))
        for group in linearGroups {
            XCTAssertFalse(top.isDisjoint(with: group), "driver f\(group[0]) missing; ranking \(rows.map { $0["feature_id"]! })")
        }
        let (a, b) = (planted.xorPair[0], planted.xorPair[1])
        let rowA = try XCTUnwrap(rows.first { index($0["feature_id"]!) == a }, "XOR member f\(a) missing")
        let rowB = try XCTUnwrap(rows.first { index($0["feature_id"]!) == b }, "XOR member f\(b) missing")
        XCTAssertEqual(rowA["interacts_with"], "f\(b)")
        XCTAssertEqual(rowB["interacts_with"], "f\(a)")
        XCTAssertEqual(rows.filter { !($0["interacts_with"] ?? "").isEmpty }.count, 2, "one pair")

        // The fits did split between the copies (else the test would prove nothing), and the
        // slot names both with shares that add up to 1.
        let picks = try fitPickCounts(out + "/fits")
        let split = planted.duplicates.filter { (picks[$0.0] ?? 0) > 0 && (picks[$0.1] ?? 0) > 0 }
        XCTAssertFalse(split.isEmpty, "no fit picked a copy")
        for (a, b) in split {
            guard let row = rows.first(where: { [a, b].contains(index($0["feature_id"]!)) }) else { continue }
            let proxies = Dictionary(uniqueKeysWithValues: row["proxies"]!.split(separator: ",").map { cell -> (Int, Double) in
                let parts = cell.split(separator: ":")
                return (index(String(parts[0])), Double(parts[1])!)
            })
            XCTAssertEqual(Set(proxies.keys), [a, b], "proxies \(row["proxies"]!)")
            XCTAssertEqual(proxies.values.reduce(0, +), 1, accuracy: 0.02)
            XCTAssertGreaterThanOrEqual(Double(row["selection_frequency"]!)!, 0.9, "the slot of f\(a)/f\(b)")
        }
        // run.json: the stable set and its bound are at slot level, with the assumptions stated;
        // the adaptive run says how many pairs it used, and every frequency is a multiple of 1/(2B).
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let stability = json["stability"] as! [String: Any]
        let pairs = try XCTUnwrap(stability["pairs"] as? Int)
        XCTAssertTrue((10 ... 100).contains(pairs) && pairs % 10 == 0, "pairs \(pairs)")
        XCTAssertEqual(stability["fits"] as? Int, 2 * pairs)
        for row in rows {
            let f = Double(row["selection_frequency"]!)! * Double(2 * pairs)
            XCTAssertEqual(f.rounded(), f, accuracy: 1e-9, "a multiple of 1/(2B)")
        }
        XCTAssertEqual(stability["unit"] as? String, "slot")
        let screen = try XCTUnwrap(json["interactions"] as? [String: Any])
        let pair = try XCTUnwrap((screen["pairs"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set([pair["first"] as? String, pair["second"] as? String]), ["f\(a)", "f\(b)"])
        XCTAssertGreaterThan(try XCTUnwrap(pair["statistic"] as? Double), try XCTUnwrap(screen["threshold"] as? Double))
        XCTAssertEqual(screen["candidates"] as? Int, 1000)
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        XCTAssertTrue(report.contains("id=\"interactions\""))
        XCTAssertTrue(report.contains("f\(min(a, b)) and f\(max(a, b)), training samples"), "the report draws the pair")
        let stableRows = rows.filter { $0["stable"] == "true" }.count
        XCTAssertEqual(stability["stable_set_size"] as? Int, stableRows)
        let stableIDs = Set(rows.filter { $0["stable"] == "true" }.map { index($0["feature_id"]!) })
        for group in linearGroups.prefix(5) {
            XCTAssertFalse(stableIDs.isDisjoint(with: group), "driver f\(group[0]) is a stable slot; stable \(stableIDs)")
        }
        XCTAssertTrue(stableIDs.isSubset(of: Set(linearGroups.joined())), "only drivers are stable: \(stableIDs)")
        let qbar = try XCTUnwrap(stability["mean_slots_per_fit"] as? Double)
        let slots = try XCTUnwrap(stability["slots"] as? Int)
        XCTAssertLessThan(slots, 1000, "the copies share slots")
        XCTAssertEqual(try XCTUnwrap(stability["expected_false_selections_bound"] as? Double),
                       qbar * qbar / ((2 * 0.6 - 1) * Double(slots)), accuracy: 1e-9)
        XCTAssertTrue((stability["bound"] as? String ?? "").contains("exchangeable"))
        XCTAssertTrue((stability["stable_set_note"] as? String ?? "").hasPrefix("The stable set holds "))
        let index = try XCTUnwrap(stability["stability_index_slots"] as? Double)
        XCTAssertGreaterThan(index, try XCTUnwrap(stability["stability_index_features"] as? Double),
                             "slots agree more across fits than features")
    }

    /// The larger of issue 20's planted shapes through the default run: 3,000 samples x 200
    /// features, 6 drivers, near-copies of two, an XOR pair of weight 0.6 (weaker than above);
    /// k = 8. All 8 planted groups, one copy each, the pair as two rows marked with each other.
    func testDefaultRunAddsTheXORPairOnManySamples() throws {
        let dir = try TemporaryDirectory()
        let planted = PlantedSignal(samples: 3000, features: 200, linearCount: 6, pair: .xor(weight: 0.6), seed: 8)
        let rows = try defaultRun(planted, seed: 8, in: dir).rows
        func index(_ id: String) -> Int { Int(id.dropFirst())! }
        let top = Set(rows.map { index($0["feature_id"]!) })
        let copyOf = Dictionary(uniqueKeysWithValues: planted.duplicates)
        for driver in planted.linear {
            XCTAssertFalse(top.isDisjoint(with: [driver] + (copyOf[driver].map { [$0] } ?? [])), "driver f\(driver) missing: \(top)")
        }
        XCTAssertTrue(planted.duplicates.allSatisfy { !(top.contains($0.0) && top.contains($0.1)) }, "both copies of a driver")
        let marked = Dictionary(uniqueKeysWithValues: rows.map { (index($0["feature_id"]!), $0["interacts_with"] ?? "") })
        XCTAssertEqual(marked[planted.xorPair[0]], "f\(planted.xorPair[1])")
        XCTAssertEqual(marked[planted.xorPair[1]], "f\(planted.xorPair[0])")
    }

    /// Planted suppressor pairs (issue 19): 800 samples x 1,500 features, 4 drivers and two
    /// pairs (A, B) with corr(A, B) = 0.85 where the outcome depends on B − 0.85·A, so A has no
    /// marginal signal. The fits pick A together with B (complements, not substitutes), and
    /// the full-split fits give the consensus a single fit's power: the default run ranks all
    /// 8 planted features, each A and its B as separate rows, at least as many as one fit.
    func testDefaultRunKeepsSuppressorPairsAsSeparateRows() throws {
        let dir = try TemporaryDirectory()
        let planted = PlantedSuppressors(seed: 3)
        let (matrix, labels) = planted.tsv()
        try dir.write("x.tsv", matrix)
        try dir.write("y.tsv", labels)
        func run(_ extra: [String]) throws -> [[String: String]] {
            let out = dir.path("out\(extra.count)")
            let r = try GSelProcess.gsel(["--input", dir.path("x.tsv"), "--labels", dir.path("y.tsv"), "--k", "8",
                                          "--seed", "2", "--out", out, "--quiet"] + extra)
            XCTAssertEqual(r.status, 0, r.stderr)
            return try OutputFiles.tsv(out + "/ranking.tsv")
        }
        func index(_ id: String) -> Int { Int(id.dropFirst())! }
        let rows = try run([])
        let top = rows.map { index($0["feature_id"]!) }
        XCTAssertEqual(Set(top), Set(planted.planted), "ranking \(top), planted \(planted.planted)")
        for (a, b) in planted.pairs {
            let rowA = try XCTUnwrap(rows.first { index($0["feature_id"]!) == a })
            XCTAssertFalse(rowA["proxies"]!.contains("f\(b):"), "A f\(a) merged with its partner: \(rowA["proxies"]!)")
        }
        let single = try run(["--repeats", "0"]).map { index($0["feature_id"]!) }
        XCTAssertGreaterThanOrEqual(Set(top).intersection(planted.planted).count, Set(single).intersection(planted.planted).count)
        // What makes the case: A alone is far down the marginal order, and the stability fits
        // pick A with B (every fit that picks A picks B).
        let fits = dir.path("out0/fits")
        var together = 0, withA = 0
        for name in OutputFiles.list(fits) where name.hasPrefix("fit-") && !name.hasPrefix("fit-0-") {
            let picked = Set(try String(contentsOfFile: fits + "/" + name, encoding: .utf8).split(separator: "\n")
                .filter { $0.hasPrefix("pick\t") }.map { Int($0.split(separator: "\t")[2])! })
            for (a, b) in planted.pairs where picked.contains(a) {
                withA += 1
                if picked.contains(b) { together += 1 }
            }
        }
        XCTAssertGreaterThan(withA, 0)
        XCTAssertGreaterThanOrEqual(Double(together), 0.9 * Double(withA), "A is picked with B")
    }

    /// How many fits picked each feature index (fit files, pairs 1...B).
    func fitPickCounts(_ dir: String) throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for name in OutputFiles.list(dir) where name.hasPrefix("fit-") && !name.hasPrefix("fit-0-") {  // stability fits
            for line in try String(contentsOfFile: dir + "/" + name, encoding: .utf8).split(separator: "\n")
            where line.hasPrefix("pick\t") {
                counts[Int(line.split(separator: "\t")[2])!, default: 0] += 1
            }
        }
        return counts
    }
}
