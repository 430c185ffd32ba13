import Foundation
import XCTest
import _TestSupport

/// Stability selection through the binary: resume after SIGKILL, aggregation in another
/// working directory (the Nextflow layout), and separation of planted features from noise.
/// Scatter == direct, mixed runs and resume rules are tested in process (GSelPipelineTests).
final class StabilityRunTests: XCTestCase {
    let input = GSelProcess.testData("golub/golub.expr.tsv.gz")
    let labels = GSelProcess.testData("golub/golub.labels.tsv")
    var common: [String] {
        ["--input", input, "--labels", labels, "--label-col", "label", "--k", "5", "--repeats", "6", "--seed", "5", "--quiet"]
    }

    func ranking(_ out: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: out + "/ranking.tsv")) }

    func testResumeAfterSIGKILLGivesTheSameRanking() throws {
        let dir = try TemporaryDirectory()
        let full = dir.path("full")
        XCTAssertEqual(try GSelProcess.gsel(common + ["--out", full]).status, 0)

        let killed = dir.path("killed")
        let p = Process()
        p.executableURL = GSelProcess.binary
        p.arguments = common + ["--out", killed, "--threads", "1"]
        try p.run()
        // Kill it once a few fits are on disk (or give up waiting after 60 s).
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && OutputFiles.list(killed + "/fits").filter({ $0.hasPrefix("fit-") }).count < 4 {
            usleep(20_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .uncaughtSignal, "the run was killed before it finished")
        let survivors = OutputFiles.list(killed + "/fits").filter { $0.hasPrefix("fit-") }
        XCTAssertGreaterThanOrEqual(survivors.count, 4)
        XCTAssertLessThan(survivors.count, 13, "not all 13 fits were done")
        XCTAssertFalse(FileManager.default.fileExists(atPath: killed + "/ranking.tsv"))
        XCTAssertTrue(OutputFiles.list(killed).allSatisfy { !$0.contains(".tmp-") || $0.hasPrefix("fits/") },
                      "no half-written result outside fits/")

        let resumed = try GSelProcess.gsel(common + ["--out", killed, "--resume"].map { $0 } + [])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(try ranking(killed), try ranking(full))
    }

    /// The Nextflow layout: each task stages the inputs under their own names in its own
    /// directory, so the fits record relative paths that the aggregating task cannot open.
    /// The aggregate task passes its staged copies, which are checked by SHA-256.
    func testAggregateInAnotherDirectoryTakesTheStagedInputs() throws {
        let dir = try TemporaryDirectory()
        let direct = dir.path("direct")
        XCTAssertEqual(try GSelProcess.gsel(common + ["--out", direct]).status, 0)
        // The same run, naming the inputs by their staged names.
        let relative = common.map { $0 == input ? "expr.tsv.gz" : $0 == labels ? "labels.tsv" : $0 }
        func task(_ name: String) throws -> URL {
            let url = dir.url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.appendingPathComponent("expr.tsv.gz").path, withDestinationPath: input)
            try FileManager.default.createSymbolicLink(atPath: url.appendingPathComponent("labels.tsv").path, withDestinationPath: labels)
            return url
        }
        var pairs: [String] = []
        for pair in 1 ... 6 {
            let work = try task("repeat\(pair)")
            let r = try GSelProcess.run(GSelProcess.binary.path, ["repeat", "--pair", "\(pair)"] + relative + ["--out", "out"], cwd: work)
            XCTAssertEqual(r.status, 0, r.stderr)
            pairs.append(work.appendingPathComponent("out").path)
        }
        let gather = try task("aggregate")
        let unstaged = try GSelProcess.run(GSelProcess.binary.path, ["aggregate"] + pairs + ["--out", "res"],
                                           cwd: dir.url)
        XCTAssertNotEqual(unstaged.status, 0)
        XCTAssertTrue(unstaged.stderr.contains(".tsv"), unstaged.stderr)
        let staged = try GSelProcess.run(GSelProcess.binary.path, ["aggregate"] + pairs +
                                         ["--input", "expr.tsv.gz", "--labels", "labels.tsv", "--out", "res", "--quiet"], cwd: gather)
        XCTAssertEqual(staged.status, 0, staged.stderr)
        XCTAssertEqual(try ranking(gather.appendingPathComponent("res").path), try ranking(direct))
    }

    /// Planted data (5 linear drivers, the "pair" switched off so it is noise, correlated
    /// decoys of two drivers): stability selection puts the drivers at frequency ≥ 0.9 and
    /// every other feature at ≤ 0.3, counted over every feature in the stability fits' files
    /// (not only the k rows of ranking.tsv).
    func testStabilitySeparatesPlantedFeaturesFromNoise() throws {
        let dir = try TemporaryDirectory()
        let planted = PlantedSignal(samples: 800, features: 100, linearCount: 5, pair: .xor(weight: 0),
                                    duplicateNoise: 1.0, seed: 4)
        let (m, l) = planted.tsv()
        try dir.write("x.tsv", m)
        try dir.write("y.tsv", l)
        let out = dir.path("out")
        let r = try GSelProcess.gsel(["--input", dir.path("x.tsv"), "--labels", dir.path("y.tsv"), "--k", "5",
                                      "--repeats", "10", "--seed", "4", "--out", out, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try OutputFiles.tsv(out + "/ranking.tsv")
        let freq = Dictionary(uniqueKeysWithValues: rows.map { (Int($0["feature_id"]!.dropFirst())!, Double($0["selection_frequency"]!)!) })
        for f in freq.values { XCTAssertEqual((f * 20).rounded(), f * 20, accuracy: 1e-9, "a multiple of 1/(2B)") }
        let truth = Set(planted.linear)
        for j in truth { XCTAssertGreaterThanOrEqual(freq[j] ?? 0, 0.9, "planted f\(j): \(freq)") }
        for (j, f) in freq where !truth.contains(j) { XCTAssertLessThanOrEqual(f, 0.3, "noise f\(j)") }
        var picks: [Int: Int] = [:]
        let fitFiles = OutputFiles.list(out + "/fits").filter { $0.hasPrefix("fit-") && !$0.hasPrefix("fit-0-") }
        XCTAssertEqual(fitFiles.count, 20)
        for name in fitFiles {
            for line in try String(contentsOfFile: out + "/fits/" + name, encoding: .utf8).split(separator: "\n")
            where line.hasPrefix("pick\t") { picks[Int(line.split(separator: "\t")[2])!, default: 0] += 1 }
        }
        XCTAssertEqual(picks.values.reduce(0, +), 20 * 5, "every stability fit picks q = 5")
        for j in truth { XCTAssertEqual(Double(picks[j] ?? 0) / 20, freq[j]!, accuracy: 1e-9, "ranking.tsv agrees with fits/") }
        for (j, c) in picks where !truth.contains(j) { XCTAssertLessThanOrEqual(Double(c) / 20, 0.3, "noise f\(j) in fits/") }
        XCTAssertEqual(rows.filter { $0["stable"] == "true" }.count, truth.count)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let stability = json["stability"] as! [String: Any]
        XCTAssertEqual(stability["fits"] as? Int, 20)
        XCTAssertEqual(stability["stable_set_size"] as? Int, truth.count)
        let bound = try XCTUnwrap(stability["expected_false_selections_bound"] as? Double)
        XCTAssertEqual(bound, 25.0 / ((2 * 0.6 - 1) * 100), accuracy: 1e-9, "q²/((2π−1)p)")
    }
}
