import Foundation
import XCTest
import _TestSupport

/// The default stability run through the binary on planted data (issue 11): 800 samples x
/// 1,000 features, 6 linear drivers (β 1.0, 0.9, ..., 0.5), near-copies (|r| ≈ 0.995) of two
/// of them, and an XOR pair (weight 1); k = 8, so 8 planted groups (a driver counts with its
/// copy). Single fits never take both copies, but the 100 fits split their votes between
/// them; the consensus counts a driver and its copy as one slot.
final class ConsensusRankingEndToEndTests: XCTestCase {
    func testDefaultRunKeepsOneCopyPerSlotAndFindsThePlantedGroups() throws {
        let dir = try TemporaryDirectory()
        let planted = PlantedSignal(samples: 800, features: 1000, linearCount: 6, pair: .xor(weight: 1), seed: 5)
        let (matrix, labels) = planted.tsv()
        try dir.write("x.tsv", matrix)
        try dir.write("y.tsv", labels)
        let out = dir.path("out")
        let r = try GSelProcess.gsel(["--input", dir.path("x.tsv"), "--labels", dir.path("y.tsv"), "--k", "8",
                                      "--seed", "5", "--out", out, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try OutputFiles.tsv(out + "/ranking.tsv")
        XCTAssertEqual(rows.count, 8)
        func index(_ id: String) -> Int { Int(id.dropFirst())! }
        let top = Set(rows.map { index($0["feature_id"]!) })

        let copyOf = Dictionary(uniqueKeysWithValues: planted.duplicates)
        let groups = planted.linear.map { [$0] + (copyOf[$0].map { [$0] } ?? []) } + planted.xorPair.map { [$0] }
        let found = groups.filter { !top.isDisjoint(with: $0) }.count
        let redundant = planted.duplicates.filter { top.contains($0.0) && top.contains($0.1) }
        XCTAssertEqual(redundant.count, 0, "both copies in the top 8: \(redundant)")
        XCTAssertGreaterThanOrEqual(found, 6, "planted groups in the top 8: \(found) of 8; ranking \(rows.map { $0["feature_id"]! })")

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
        for row in rows {
            let f = Double(row["selection_frequency"]!)!
            XCTAssertEqual((f * 100).rounded(), f * 100, accuracy: 1e-9, "a multiple of 1/(2B)")
        }

        // run.json: the stable set and its bound are at slot level, with the assumptions stated.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let stability = json["stability"] as! [String: Any]
        XCTAssertEqual(stability["unit"] as? String, "slot")
        let stableRows = rows.filter { $0["stable"] == "true" }.count
        XCTAssertEqual(stability["stable_set_size"] as? Int, stableRows)
        XCTAssertGreaterThanOrEqual(stableRows, 6, "the linear drivers are stable slots")
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

    /// How many fits picked each feature index (fit files, pairs 1...B).
    func fitPickCounts(_ dir: String) throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for name in OutputFiles.list(dir) where name.hasPrefix("fit-") && !name.hasPrefix("fit-0-") {
            for line in try String(contentsOfFile: dir + "/" + name, encoding: .utf8).split(separator: "\n")
            where line.hasPrefix("pick\t") {
                counts[Int(line.split(separator: "\t")[2])!, default: 0] += 1
            }
        }
        return counts
    }
}
