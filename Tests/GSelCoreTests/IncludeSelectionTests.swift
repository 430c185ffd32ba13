import GSelCore
import GSelIO
import XCTest
import _TestSupport

/// `--include` in the engine (issue 22): included features are every fit's first picks, the
/// other picks are made given them, for Sequential Attention, OMP and the marginal baseline;
/// the consensus keeps them at the top in rows of their own.
final class IncludeSelectionTests: XCTestCase {
    private func plantedData(_ seed: UInt64) -> (PlantedSignal, StandardizedData, Target) {
        let planted = PlantedSignal(samples: 600, features: 200, pair: .synergy(weight: 1.5), seed: seed)
        return (planted, StandardizedData(matrix: planted.matrix, rows: Array(0 ..< planted.samples)),
                Target.classes(codes: planted.labels, names: ["control", "case"]))
    }

    /// Including the original of a near-duplicate pair: it is the first pick, its copy (redundant
    /// given it) is never picked, and the other drivers follow; k counts the included feature.
    func testSequentialAttentionStartsFromTheIncludedFeature() throws {
        for seed: UInt64 in 1 ... 3 {
            let (planted, data, target) = plantedData(seed)
            let (original, copy) = planted.duplicates[0]
            let r = try SequentialAttention(included: [original]).select(data, target: target, k: 6, seed: seed, stream: [])
            XCTAssertEqual(r.picks.count, 6)
            XCTAssertEqual(r.features.first, original, "seed \(seed): the included feature leads: \(r.features)")
            XCTAssertEqual(r.picks[0].score, 1, "an included feature's mask is 1")
            XCTAssertFalse(r.features.contains(copy), "seed \(seed): the copy of the included feature was picked: \(r.features)")
            XCTAssertEqual(Set(r.features).count, 6)
            let picked = Set(r.features)
            let copyOf = Dictionary(uniqueKeysWithValues: planted.duplicates)
            for j in planted.linear.dropFirst() {
                XCTAssertTrue(picked.contains(j) || picked.contains(copyOf[j] ?? -1), "seed \(seed): driver \(j) missed: \(r.features)")
            }
            XCTAssertEqual(r.snapshots.count, 5, "one phase per free pick")
            XCTAssertEqual(r.snapshots.first?.step, 2, "the first trained pick is the second")
            XCTAssertFalse(r.snapshots.contains { $0.candidates.contains { $0.feature == original } }, "the included feature is never a candidate")
        }
    }

    /// Including the copy instead: the original is then the redundant one.
    func testIncludingTheCopyMakesTheOriginalRedundant() throws {
        let (planted, data, target) = plantedData(2)
        let (original, copy) = planted.duplicates[0]
        let r = try SequentialAttention(included: [copy]).select(data, target: target, k: 6, seed: 2, stream: [])
        XCTAssertEqual(r.features.first, copy)
        XCTAssertFalse(r.features.contains(original), "\(r.features)")
    }

    /// A screened fit (wide data) keeps the included features whatever their statistic.
    func testScreenKeepsIncludedFeatures() throws {
        let (planted, data, target) = plantedData(1)
        var config = SequentialAttentionConfig()
        config.screenSize = 20
        // The weakest feature by the marginal statistic: a screen of 20 would drop it.
        let scores = try MarginalSelector.scores(data, target: target)
        let weakest = MarginalSelector.ranking(scores).last!
        let r = try SequentialAttention(config: config, included: [weakest, planted.linear[2]])
            .select(data, target: target, k: 5, seed: 1, stream: [])
        XCTAssertEqual(Array(r.features.prefix(2)), [weakest, planted.linear[2]])
        XCTAssertEqual(r.screenedTo, 21, "the screen's 20 (with the strong driver) and the weakest feature")
        XCTAssertEqual(Set(r.features).count, 5)
    }

    /// OMP starts its residual from the included features: the copy of an included driver
    /// never enters, the other drivers do; marginal puts them first and keeps the F order after.
    func testOMPAndMarginalStartFromTheIncludedFeatures() throws {
        let (planted, data, target) = plantedData(3)
        let (original, copy) = planted.duplicates[1]
        let omp = try OrthogonalMatchingPursuit(included: [copy]).select(data, target: target, k: 7)
        XCTAssertEqual(omp.features.first, copy)
        XCTAssertFalse(omp.features.contains(original), "OMP picked the original after its included copy: \(omp.features)")
        XCTAssertGreaterThan(omp.picks[0].score, 0.1, "scored by its correlation with the centred target")
        let free = try OrthogonalMatchingPursuit().select(data, target: target, k: 5)
        XCTAssertTrue(free.features.contains(original) || free.features.contains(copy))
        let copyOf = Dictionary(uniqueKeysWithValues: planted.duplicates)
        for j in planted.linear where j != original {
            XCTAssertTrue(omp.features.contains(j) || omp.features.contains(copyOf[j] ?? -1), "driver \(j) missed: \(omp.features)")
        }

        let copies = Set(planted.duplicates.map(\.1))
        let noise = (0 ..< 200).first { !planted.informative.contains($0) && !copies.contains($0) }!
        let marginal = try MarginalSelector(included: [noise, original]).select(data, target: target, k: 6)
        let plain = try MarginalSelector().select(data, target: target, k: 8)
        XCTAssertEqual(Array(marginal.features.prefix(2)), [noise, original])
        XCTAssertEqual(Array(marginal.features.dropFirst(2)),
                       Array(plain.features.filter { $0 != noise && $0 != original }.prefix(4)), "the rest in F order")
    }

    func testRejectsBadIncludeLists() {
        let (_, data, target) = plantedData(1)
        for (included, k) in [([3, 3], 4), ([1, 2, 3], 2), ([500], 3)] {
            XCTAssertThrowsError(try SequentialAttention(included: included).select(data, target: target, k: k, seed: 1, stream: [])) {
                XCTAssertEqual(($0 as? ParameterError)?.parameter, "include", "\(included) k \(k): \($0)")
            }
            XCTAssertThrowsError(try OrthogonalMatchingPursuit(included: included).select(data, target: target, k: k))
            XCTAssertThrowsError(try MarginalSelector(included: included).select(data, target: target, k: k))
        }
        // k equal to the list: the included features alone, no training.
        XCTAssertEqual(try SequentialAttention(included: [4, 2]).select(data, target: target, k: 2, seed: 1, stream: []).features, [4, 2])
    }

    /// The consensus: an included feature leads in a slot of its own, even where a correlated
    /// feature picked by a few fits would otherwise join its slot as a substitute; it is not
    /// stable and the bound does not count it.
    func testConsensusKeepsIncludedFeaturesFirstAndAlone() {
        func fit(_ pair: Int, _ half: Int, _ features: [Int]) -> FitRecord {
            FitRecord(id: FitID(pair: pair, half: half), result: SelectionResult(
                picks: features.enumerated().map { .init(feature: $1, score: $0 == 0 ? 1 : 0.2) }))
        }
        // Feature 7 is included (first in every fit); 1 correlates with it and is picked twice.
        let fits = [fit(1, 0, [7, 2, 1]), fit(1, 1, [7, 2, 3]), fit(2, 0, [7, 2, 1]), fit(2, 1, [7, 3, 4])]
        let graph = SubstituteGraph(minimumCorrelation: 0.75, correlations: [(7, 1, 0.9)])
        let plain = ConsensusRanking(stabilityFits: fits, graph: graph, featureCount: 10, q: 3, threshold: 0.6)
        XCTAssertEqual(plain.slots[0].members.map(\.feature), [7, 1], "without --include, 1 substitutes for 7")
        let ranking = ConsensusRanking(stabilityFits: fits, graph: graph, featureCount: 10, q: 3, threshold: 0.6, included: [7])
        XCTAssertEqual(ranking.slots.map(\.representative), [7, 2, 3, 1, 4])
        XCTAssertEqual(ranking.slots[0].members.map(\.feature), [7])
        XCTAssertTrue(ranking.slots[0].included)
        XCTAssertFalse(ranking.slots[0].stable, "an included feature is not selected, so not stable")
        XCTAssertTrue(ranking.slots[3].complement, "1 is picked together with the included 7")
        XCTAssertEqual(ranking.slots.filter(\.included).count, 1)
        XCTAssertEqual(ranking.meanSlotsPerFit, 2, "q̄ counts the free picks only")
        XCTAssertEqual(ranking.slotUniverse, 4 + 5, "P: 4 free slots and 5 never-picked features")
        let rows = ranking.entries(k: 3)
        XCTAssertEqual(rows.map(\.unit), [7, 2, 3])
        XCTAssertEqual(rows.map(\.included), [true, false, false])
    }
}
