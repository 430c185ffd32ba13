import Foundation
import GSelCore
import GSelPipeline
import XCTest
import _TestSupport

/// `--repeats auto` (issue 21): the stopping point, and so the ranking, is the same for any
/// thread count, after a resume, and when the pairs were scattered and gathered.
final class AdaptiveRepeatsRunTests: XCTestCase {
    /// Planted linear signal (marginal fits, fast): two drivers and their near-copies, picked
    /// by every fit, so the top 4 settle long before the cap.
    func parameters(_ dir: TemporaryDirectory) throws -> RunParameters {
        let planted = PlantedSignal(samples: 240, features: 90, linearCount: 2, seed: 3)
        let (matrix, labels) = planted.tsv()
        var input = InputParameters(path: try dir.write("planted.tsv", matrix))
        input.labels = try dir.write("labels.tsv", labels)
        var selection = SelectionParameters(k: 4)
        selection.repeats = nil
        selection.fullFits = 2
        selection.method = .marginal
        return RunParameters(input: input, selection: selection)
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func testAdaptiveStopIsTheSameForAnyThreadsAfterResumeAndThroughScatter() throws {
        let dir = try TemporaryDirectory()
        let parameters = try parameters(dir)
        let one = try Pipeline.select(parameters, out: dir.path("t1"), execution: .init(threads: 1))
        let stop = try XCTUnwrap(one.result.stop)
        XCTAssertTrue(stop.settled)
        XCTAssertLessThan(stop.pairs, AdaptiveRepeats.maximumPairs, "planted signal settles before the cap")
        XCTAssertEqual(one.result.slots.fitCount, 2 * stop.pairs)
        XCTAssertEqual(one.fitsComputed, 2 * stop.pairs + 2)
        let fitFiles = try FileManager.default.contentsOfDirectory(atPath: dir.path("t1/fits")).filter { $0.hasPrefix("fit-") }
        XCTAssertEqual(fitFiles.count, 2 * stop.pairs + 2, "no fits beyond the stopping point")
        let record = try JSONSerialization.jsonObject(with: try bytes(dir.path("t1/run.json"))) as? [String: Any]
        let stability = try XCTUnwrap(record?["stability"] as? [String: Any])
        XCTAssertEqual(stability["repeats"] as? String, "auto")
        XCTAssertEqual(stability["pairs"] as? Int, stop.pairs)
        XCTAssertEqual((stability["adaptive"] as? [String: Any])?["settled"] as? Bool, true)

        // Two threads: the same bytes.
        try Pipeline.select(parameters, out: dir.path("t2"), execution: .init(threads: 2))
        XCTAssertEqual(try bytes(dir.path("t2/ranking.tsv")), try bytes(dir.path("t1/ranking.tsv")))

        // Resume after a kill in the last round (some of its fits missing), with stray fits of a
        // round beyond the stop left by a speculative writer: the same bytes.
        try FileManager.default.copyItem(atPath: dir.path("t1"), toPath: dir.path("resumed"))
        for name in ["fit-\(stop.pairs)-a.tsv", "fit-\(stop.pairs - 1)-b.tsv", "fit-1-a.tsv"] {
            try FileManager.default.removeItem(atPath: dir.path("resumed/fits/\(name)"))
        }
        try Pipeline.repeatPair(stop.pairs + 1, parameters: parameters, out: dir.path("resumed/fits"), execution: .init(threads: 2))
        let resumed = try Pipeline.select(parameters, out: dir.path("resumed"), resume: true, execution: .init(threads: 2))
        XCTAssertEqual(resumed.fitsComputed, 3)
        XCTAssertEqual(try bytes(dir.path("resumed/ranking.tsv")), try bytes(dir.path("t1/ranking.tsv")))

        // Scatter: one repeat job per pair (0 = the full-split fits) up to the stop, then aggregate.
        let folders = try (0 ... stop.pairs).map { pair -> String in
            let out = dir.path("pair-\(pair)")
            try Pipeline.repeatPair(pair, parameters: parameters, out: out, execution: .init(threads: 1))
            return out
        }
        try Pipeline.aggregate(directories: folders, out: dir.path("gathered"), execution: .init(threads: 2))
        XCTAssertEqual(try bytes(dir.path("gathered/ranking.tsv")), try bytes(dir.path("t1/ranking.tsv")))

        // Gathered before the rule settles: refused, naming the pairs it needs.
        let early = Array(folders.prefix(stop.pairs - AdaptiveRepeats.roundSize + 1))
        let refused = GolubRun.error {
            try Pipeline.aggregate(directories: early, out: dir.path("early"), execution: .init(threads: 2))
        }
        XCTAssertTrue(refused?.contains("--repeats auto the stopping rule needs pairs 1-\(stop.pairs)") == true, refused ?? "no error")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("early/ranking.tsv")))
    }

    /// A repeat job past the adaptive cap is refused with the cap in the message.
    func testRepeatPairBeyondTheCapIsRefused() throws {
        let dir = try TemporaryDirectory()
        let refused = GolubRun.error {
            try Pipeline.repeatPair(AdaptiveRepeats.maximumPairs + 1, parameters: try parameters(dir), out: dir.path("p"))
        }
        XCTAssertTrue(refused?.contains("must be between 0 and the adaptive cap (\(AdaptiveRepeats.maximumPairs))") == true, refused ?? "no error")
    }
}
