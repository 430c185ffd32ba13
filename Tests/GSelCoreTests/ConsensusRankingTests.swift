import GSelCore
import GSelIO
import XCTest
import _TestSupport

/// The consensus over slots of substitutes (issues 11 and 19) on fits small enough to check by
/// hand, and against the Python prototype of the rule (`exclusive` in Benchmarks/consensus_rules.py).
final class ConsensusRankingTests: XCTestCase {
    /// A fit picking `features` in order; the score of a pick is 10·pair + position.
    func fit(_ pair: Int, _ half: Int, _ features: [Int]) -> FitRecord {
        FitRecord(id: FitID(pair: pair, half: half), result: SelectionResult(
            picks: features.enumerated().map { .init(feature: $1, score: Double(10 * pair + $0 + 1)) }))
    }

    /// Two complementary pairs (4 fits); features 0 and 1 are substitutes (|r| = 0.95).
    var handFits: [FitRecord] {
        [fit(1, 0, [0, 2, 3]), fit(1, 1, [1, 2, 4]), fit(2, 0, [0, 3, 5]), fit(2, 1, [1, 2, 3])]
    }
    let handGraph = SubstituteGraph(minimumCorrelation: 0.9, correlations: [(0, 1, -0.95), (2, 3, 0.5)])

    func testSubstitutesShareOneSlotWithTheirShares() {
        let slots = ConsensusRanking(stabilityFits: handFits, graph: handGraph, featureCount: 10, q: 3, threshold: 0.6)
        // By frequency: 2 and 3 (three fits; mean positions 2 and 8/3), 0 and 1 (two fits at
        // position 1; 0 by index), 4 and 5. 1 substitutes for the representative 0 and joins it;
        // |r| 0.5 of 2 and 3 is below the threshold.
        XCTAssertEqual(slots.slots.map(\.representative), [0, 2, 3, 4, 5])
        let merged = slots.slots[0]
        XCTAssertEqual(merged.members, [.init(feature: 0, fits: 2), .init(feature: 1, fits: 2)])
        XCTAssertEqual(merged.frequency, 1.0)
        XCTAssertEqual(merged.meanSelectionOrder, 1.0)
        XCTAssertEqual(merged.meanScore, (11.0 + 11 + 21 + 21) / 4)
        XCTAssertEqual(merged.members.map(merged.share), [0.5, 0.5])
        XCTAssertEqual(slots.slots.map(\.frequency), [1.0, 0.75, 0.75, 0.25, 0.25])
        XCTAssertEqual(slots.slots[2].meanSelectionOrder, 8.0 / 3, accuracy: 1e-12)
        for s in slots.slots {
            XCTAssertEqual(s.frequency * 4, (s.frequency * 4).rounded(), "a multiple of 1/(2B)")
        }
        XCTAssertEqual(slots.stableCount, 3)
        // q̄ = 3 slots per fit; P = 5 slots + 4 never-picked features.
        XCTAssertEqual(slots.meanSlotsPerFit, 3)
        XCTAssertEqual(slots.slotUniverse, 9)
        XCTAssertEqual(slots.expectedFalseSlotsBound, 9 / ((2 * 0.6 - 1) * 9), accuracy: 1e-12)
        XCTAssertEqual(slots.largestSlotSize, 2)
    }

    /// Substitutes are alternatives: a fit that picked both (rarely: at most half of chance)
    /// counts once for the slot.
    func testSubstitutesPickedTogetherCountOncePerFit() {
        let fits = [fit(1, 0, [0, 9]), fit(1, 1, [0, 9]), fit(2, 0, [0, 9]), fit(2, 1, [1, 9]),
                    fit(3, 0, [1, 9]), fit(3, 1, [1, 9]), fit(4, 0, [0, 1]), fit(4, 1, [2, 9])]
        let graph = SubstituteGraph(minimumCorrelation: 0.9, correlations: [(0, 1, 0.99)])
        let slots = ConsensusRanking(stabilityFits: fits, graph: graph, featureCount: 10, q: 2, threshold: 0.6)
        // 0 and 1: 4 fits each, 1 together; chance 4·4/8 = 2, and 1 ≤ ½·2.
        XCTAssertEqual(slots.slots.map(\.representative), [0, 9, 2])
        let merged = slots.slots[0]
        XCTAssertEqual(merged.members, [.init(feature: 0, fits: 4), .init(feature: 1, fits: 4)])
        XCTAssertEqual(merged.fitCount, 7, "fit 4a picked both members and counts once")
        XCTAssertEqual(merged.meanSelectionOrder, 1, "the earliest member of each fit")
        XCTAssertEqual(merged.members.map(merged.share), [4.0 / 7, 4.0 / 7])
        XCTAssertEqual(slots.meanSlotsPerFit, 15.0 / 8)
    }

    /// Correlated features that the fits pick together are complements (a suppressor and its
    /// partner): each keeps its own slot, however high |r|.
    func testCorrelatedFeaturesPickedTogetherAreComplements() {
        let fits = [fit(1, 0, [5, 6]), fit(1, 1, [5, 6]), fit(2, 0, [5, 6]), fit(2, 1, [5]),
                    fit(3, 0, [5, 2]), fit(3, 1, [6, 5]), fit(4, 0, [5, 6]), fit(4, 1, [5])]
        let graph = SubstituteGraph(minimumCorrelation: 0.75, correlations: [(5, 6, 0.85)])
        let slots = ConsensusRanking(stabilityFits: fits, graph: graph, featureCount: 8, q: 2, threshold: 0.6)
        // 5 in 8 fits, 6 in 5, together in 5 (the minimum): chance 8·5/8 = 5, far above ½·5.
        XCTAssertEqual(slots.slots.map { $0.members.map(\.feature) }, [[5], [6], [2]])
        XCTAssertEqual(slots.slots.map(\.frequency), [1, 5.0 / 8, 1.0 / 8])
        XCTAssertEqual(slots.largestSlotSize, 1)
        // Four fits picking both are too few to call them complements: one slot.
        let fewer = ConsensusRanking(stabilityFits: Array(fits.prefix(6)), graph: graph, featureCount: 8, q: 2, threshold: 0.6)
        XCTAssertEqual(fewer.slots.map { $0.members.map(\.feature) }, [[5, 6], [2]])
    }

    /// Full-split fits vote for complements (`supportWeights`: 3/13 of the support): the conditional
    /// signal half-sample fits lack the power for. Other slots rank by stability frequency;
    /// the stable set and the bound count the stability fits only.
    func testFullSplitFitsVoteForComplementsButNotInTheBound() {
        let stability = [fit(1, 0, [0, 1]), fit(1, 1, [0, 2]), fit(2, 0, [0, 1]), fit(2, 1, [0, 3]),
                         fit(3, 0, [0, 3]), fit(3, 1, [0, 3]), fit(4, 0, [0, 3]), fit(4, 1, [0, 2])]
        let full = [fit(0, 0, [0, 3]), fit(0, 1, [3, 0])]
        func ranking(_ correlations: [(Int, Int, Double)]) -> ConsensusRanking {
            ConsensusRanking(stabilityFits: stability, fullFits: full,
                             graph: SubstituteGraph(minimumCorrelation: 0.75, correlations: correlations),
                             featureCount: 10, q: 2, threshold: 0.6)
        }
        // 0 and 3 correlate and are picked together in 6 of 10 fits (chance 10·6/10): complements.
        let r = ranking([(0, 3, 0.85)])
        XCTAssertEqual(ConsensusRanking.supportWeights.stability, 10)
        XCTAssertEqual(ConsensusRanking.supportWeights.fullSplit, 3)
        XCTAssertEqual(r.slots.map(\.representative), [0, 3, 1, 2])
        XCTAssertEqual(r.slots.map(\.complement), [false, true, false, false])
        // The complement: (10 · 4/8 + 3 · 2/2) / 13; the others their stability frequency.
        XCTAssertEqual(r.slots.map(\.support), [1.0, 8.0 / 13, 0.25, 0.25])
        XCTAssertEqual(r.slots.map(\.frequency), [1.0, 0.5, 0.25, 0.25])
        XCTAssertEqual(r.slots.map(\.fullFrequency), [1.0, 1.0, 0, 0])
        XCTAssertEqual(r.slots.map(\.stable), [true, false, false, false])
        XCTAssertEqual(r.fitCount, 8)
        XCTAssertEqual(r.fullFitCount, 2)
        XCTAssertEqual(r.meanSlotsPerFit, 2, "stability fits only")
        // Mean position over all six fits picking 3: 2 in four halves, 2 (0a) and 1 (0b).
        XCTAssertEqual(r.slots[1].meanSelectionOrder, 11.0 / 6, accuracy: 1e-12)
        // Uncorrelated, 3 is no complement and keeps its stability frequency.
        XCTAssertEqual(ranking([]).slots.first { $0.representative == 3 }?.support, 0.5)
        // The rows: the 4 slots, then the fill skips 0 (ranked) and takes 7.
        let rows = r.entries(k: 5, fill: [0, 7, 8])
        XCTAssertEqual(rows.map(\.unit), [0, 3, 1, 2, 7])
        XCTAssertEqual(rows.map(\.picked), [true, true, true, true, false])
        XCTAssertEqual(rows.last?.fullFrequency, 0)
        XCTAssertEqual(r.entries(k: 2, fill: [9]).map(\.unit), [0, 3])
    }

    func testTiesAndFitOrderAreDeterministic() {
        let a = ConsensusRanking(stabilityFits: handFits, graph: handGraph, featureCount: 10, q: 3, threshold: 0.6)
        let b = ConsensusRanking(stabilityFits: handFits.reversed(), graph: handGraph, featureCount: 10, q: 3, threshold: 0.6)
        XCTAssertEqual(a, b)
        // Members of equal count and position join by index; so do representatives.
        let fits = [fit(1, 0, [5]), fit(1, 1, [5]), fit(2, 0, [7]), fit(2, 1, [6]), fit(3, 0, [4]), fit(3, 1, [3])]
        let graph = SubstituteGraph(minimumCorrelation: 0.8, correlations: [(5, 6, 0.9), (5, 7, 0.9)])
        let slots = ConsensusRanking(stabilityFits: fits, graph: graph, featureCount: 8, q: 1, threshold: 0.6)
        XCTAssertEqual(slots.slots.map(\.representative), [5, 3, 4])
        XCTAssertEqual(slots.slots[0].members.map(\.feature), [5, 6, 7])
    }

    /// A feature that substitutes for two representatives joins the one opened first (the
    /// more frequent), even when it is closer to the other.
    func testAFeatureJoinsTheEarliestRepresentative() {
        let fits = [fit(1, 0, [0]), fit(1, 1, [0]), fit(2, 0, [0, 2]), fit(2, 1, [2, 1])]
        let graph = SubstituteGraph(minimumCorrelation: 0.75, correlations: [(0, 1, 0.8), (2, 1, 0.95), (0, 2, 0.3)])
        let slots = ConsensusRanking(stabilityFits: fits, graph: graph, featureCount: 3, q: 2, threshold: 0.6)
        XCTAssertEqual(slots.slots.map { $0.members.map(\.feature) }, [[0, 1], [2]])
    }

    /// With an empty graph every slot is one feature: the per-feature ranking, with the
    /// feature-level Meinshausen–Bühlmann bound q² / ((2·threshold − 1)·p).
    func testWithoutSubstitutesSlotsAreTheFeatureFrequencies() {
        let ranking = ConsensusRanking(stabilityFits: handFits, graph: SubstituteGraph(minimumCorrelation: 0.9, correlations: []),
                                       featureCount: 10, q: 3, threshold: 0.6)
        // 2: fits 1a 1b 2b at 2, 2, 2; 3: 1a 2a 2b at 3, 2, 3; 0 and 1 twice at 1; 4 and 5 once.
        XCTAssertEqual(ranking.slots.map(\.representative), [2, 3, 0, 1, 4, 5])
        XCTAssertEqual(ranking.slots.map(\.frequency), [0.75, 0.75, 0.5, 0.5, 0.25, 0.25])
        XCTAssertEqual(ranking.slots.map(\.meanSelectionOrder), [2, 8.0 / 3, 1, 1, 3, 3])
        XCTAssertEqual(ranking.slotUniverse, 10)
        XCTAssertEqual(ranking.expectedFalseSlotsBound, 9 / ((2 * 0.6 - 1) * 10), accuracy: 1e-12)
        XCTAssertEqual(ranking.stableCount, 2)
    }

    /// Nogueira et al. (2018), Definition 3, by hand: {0,1} and {0,2} of 4 give Φ = 0
    /// (π = 1, ½, ½, 0; s² = 0, ½, ½, 0; k̄ = 2), identical sets give 1.
    func testNogueiraIndex() {
        XCTAssertEqual(StabilityIndex.nogueira(sets: [[0, 1], [0, 2]], universe: 4)!, 0, accuracy: 1e-12)
        XCTAssertEqual(StabilityIndex.nogueira(sets: [[0, 1], [0, 1], [0, 1]], universe: 5)!, 1, accuracy: 1e-12)
        // Disjoint sets {0,1}, {2,3} of 4: π = ½ everywhere, s² = ½, k̄/p = ½: Φ = 1 − ½ / ¼ = −1.
        XCTAssertEqual(StabilityIndex.nogueira(sets: [[0, 1], [2, 3]], universe: 4)!, -1, accuracy: 1e-12)
        XCTAssertNil(StabilityIndex.nogueira(sets: [[0, 1]], universe: 4))
    }

    /// The Swift rule and graph against the Python prototype (numpy correlations; its
    /// `exclusive` rule) on an AR(1) design where neighbouring features correlate at 0.9 and
    /// random fits.
    func testAgreesWithThePythonPrototype() throws {
        let dir = try TemporaryDirectory()
        let n = 120, p = 40
        let x = TestMatrices.gaussian(rows: n, columns: p, correlation: 0.9, seed: 11)
        var g = SeededGenerator(seed: 3)
        var fits: [FitRecord] = []
        for pair in 1 ... 10 {
            for half in 0 ... 1 {
                // Six distinct features, low indices more likely, so that slots have several members.
                var picks: [Int] = []
                while picks.count < 6 {
                    let j = min(p - 1, Int(g.nextUniform() * g.nextUniform() * Double(p)))
                    if !picks.contains(j) { picks.append(j) }
                }
                fits.append(fit(pair, half, picks))
            }
        }
        let data = StandardizedData(matrix: x, rows: Array(0 ..< n))
        let tau = 0.75
        let graph = SubstituteGraph(data: data, features: fits.flatMap { $0.picks.map(\.feature) }, minimumCorrelation: tau)
        XCTAssertGreaterThan(graph.pairCount, 0)
        let slots = ConsensusRanking(stabilityFits: fits, graph: graph, featureCount: p, q: 6, threshold: 0.6)
        XCTAssertTrue(slots.slots.contains { $0.members.count > 1 }, "some slots hold substitutes")

        try PythonOracle.write(x.values, to: dir.path("x.bin"))
        let fitLines = fits.map { "\($0.id.pair) \($0.id.half) " + $0.picks.map { "\($0.feature)" }.joined(separator: " ") }
        try dir.write("fits.txt", fitLines.joined(separator: "\n"))
        let out = try PythonOracle.run("""
            import json, sys
            import numpy as np
            sys.path.insert(0, "\(GSelProcess.packageRoot.appendingPathComponent("Benchmarks").path)")
            import consensus_rules, fit_sets
            x = np.fromfile("x.bin", np.float32).reshape(\(n), \(p)).astype(np.float64)
            x = (x - x.mean(axis=0)) / x.std(axis=0)
            fits = []
            for line in open("fits.txt"):
                v = line.split()
                fits.append(fit_sets.Fit(int(v[0]), "ab"[int(v[1])], [f"f{j}" for j in v[2:]], [0.0] * (len(v) - 2)))
            table = consensus_rules.FitTable(fits, {f"f{j}": j for j in range(\(p))}, x)
            slots = consensus_rules.cluster_rule(table, \(tau), \(ConsensusRanking.maximumCoPickRatio), min_copicks=\(ConsensusRanking.minimumCoPicks),
                                                min_share=\(ConsensusRanking.minimumPartnerShare))
            print(json.dumps([[s.representative, s.count, s.mean_order, [[m, c] for m, c in s.members.items()]]
                              for s in slots]))
            """, in: dir) as! [[Any]]
        XCTAssertEqual(slots.slots.count, out.count)
        for (swift, python) in zip(slots.slots, out) {
            XCTAssertEqual(swift.representative, (python[0] as! NSNumber).intValue)
            XCTAssertEqual(swift.fitCount, (python[1] as! NSNumber).intValue)
            XCTAssertEqual(swift.meanSelectionOrder, (python[2] as! NSNumber).doubleValue, accuracy: 1e-12)
            let members = Dictionary(uniqueKeysWithValues: (python[3] as! [[Any]]).map {
                (($0[0] as! NSNumber).intValue, ($0[1] as! NSNumber).intValue) })
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: swift.members.map { ($0.feature, $0.fits) }), members)
        }
    }
}
