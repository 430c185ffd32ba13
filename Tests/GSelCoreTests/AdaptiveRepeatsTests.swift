import GSelCore
import XCTest

/// The stopping rule of `--repeats auto` on fits small enough to check by hand.
final class AdaptiveRepeatsTests: XCTestCase {
    func fit(_ pair: Int, _ half: Int, _ features: [Int]) -> FitRecord {
        FitRecord(id: FitID(pair: pair, half: half), result: SelectionResult(
            picks: features.enumerated().map { .init(feature: $1, score: Double($0 + 1)) }))
    }

    func check(_ fits: [FitRecord], k: Int) -> AdaptiveRepeats.Check {
        let graph = SubstituteGraph(minimumCorrelation: 0.75, correlations: [])
        let ranking = ConsensusRanking(stabilityFits: fits, graph: graph, featureCount: 50, q: fits[0].picks.count, threshold: 0.6)
        return AdaptiveRepeats.check(ranking, stabilityFits: fits, k: k)
    }

    func testCheckpointsRunInRoundsUpToTheCap() {
        XCTAssertEqual(AdaptiveRepeats.checkpoints(upTo: 35), [10, 20, 30])
        XCTAssertEqual(AdaptiveRepeats.checkpoints(upTo: 9), [])
        XCTAssertEqual(AdaptiveRepeats.checkpoints(upTo: 1000).last, AdaptiveRepeats.maximumPairs)
        XCTAssertEqual(AdaptiveRepeats.tolerance(k: 8), 0)
        XCTAssertEqual(AdaptiveRepeats.tolerance(k: 20), 1)
        XCTAssertEqual(AdaptiveRepeats.tolerance(k: 100), 5)
        XCTAssertEqual(AdaptiveRepeats.thresholdTolerance(k: 8), 1)
        XCTAssertEqual(AdaptiveRepeats.thresholdTolerance(k: 100), 5)
    }

    /// Two features every half picks, and a third place shared by noise: nothing can swap.
    func testAClearTopKSettlesAtTheFirstCheckpoint() {
        let fits = (1 ... 10).flatMap { p in [fit(p, 0, [0, 1, 10 + p]), fit(p, 1, [1, 0, 30 + p])] }
        let c = check(fits, k: 2)
        XCTAssertEqual(c.pairs, 10)
        // Boundary (1 + 0.05) / 2 = 0.525. A top slot: counts 2 in every pair plus the pseudo-pair
        // at 1, variance 1/11, interval ±0.095 around 1; a noise slot: ±0.13 around 0.05.
        XCTAssertEqual(c.uncertainInside, 0)
        XCTAssertEqual(c.uncertainOutside, 0)
        XCTAssertEqual(c.uncertainStable, 0)
        XCTAssertTrue(c.settled)
    }

    /// Features 0 and 1 share the first place: 0 in 11 of 20 halves, 1 in 9. The k-th
    /// boundary (0.5) lies inside both intervals (±0.095): one swap is possible, so a k = 1
    /// run goes on; and 0's interval holds the threshold 0.6.
    func testANearTieAtTheKthPlaceDoesNotSettle() {
        let fits = (1 ... 10).flatMap { p in [fit(p, 0, [0]), fit(p, 1, [p == 1 ? 0 : 1])] }
        let c = check(fits, k: 1)
        XCTAssertEqual(c.uncertainInside, 1)
        XCTAssertEqual(c.uncertainOutside, 1)
        XCTAssertEqual(c.possibleSwaps, 1)
        XCTAssertEqual(c.uncertainStable, 1, "0.55 is within 0.095 of 0.6")
        XCTAssertEqual(c.tolerance, 0)
        XCTAssertFalse(c.settled, "the possible swap keeps it going (one slot near the threshold is tolerated)")
        // The same counts over 100 pairs narrow the intervals to about ±0.03: 0.55 and 0.45 separate.
        let many = (1 ... 100).flatMap { p in [fit(p, 0, [0]), fit(p, 1, [p <= 10 ? 0 : 1])] }
        let wide = check(many, k: 1)
        XCTAssertEqual(wide.possibleSwaps, 0)
        XCTAssertEqual(wide.uncertainStable, 0)
        XCTAssertTrue(wide.settled)
    }
}
