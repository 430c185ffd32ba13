import Foundation

/// The rule that stops an adaptive stability run (`--repeats auto`): complementary pairs run
/// in rounds of `roundSize`, and at each checkpoint (10, 20, …, `maximumPairs` pairs) the
/// consensus of the pairs so far is checked. The run stops at the first checkpoint where
/// further pairs are unlikely to change the top k or the stable set:
///
/// - every slot's stability frequency gets an interval `± z · se`, with se from the spread of
///   its per-pair counts (0, 1 or 2 halves picking it; the two halves of a pair are dependent,
///   so the pair is the unit, as in Shah & Samworth 2013) plus one pseudo-pair at 1 that keeps
///   a handful of identical counts from claiming zero variance; a complement slot's support
///   (which mixes in the full-split frequency) gets the same interval scaled by the stability
///   frequency's weight in the mix;
/// - a top-k slot whose interval reaches below the k-th boundary (midway between the k-th and
///   (k+1)-th supports), or a slot outside whose interval reaches above it, could swap; at most
///   `tolerance(k)` = ⌊k / 20⌋ swaps may remain possible (19 of 20 rows settled), and at most
///   max(1, ⌊k / 20⌋) slots may have an interval that holds the stability threshold (a slot
///   whose frequency sits on the threshold would otherwise keep every run to the cap).
///
/// The decision reads only the fits of pairs 1…b and the full-split fits, in pair order, so
/// it is the same for any thread count, after a resume, and when the pairs were scattered.
/// Measured on cached real fits (docs/adaptive-repeats.md): on Golub, pbmc and hs1940 the
/// k-th boundary lies in a flat stretch of frequencies and the rule runs to the cap, which is
/// what their seed overlap needed; on planted signal it stops after 10 or 20 pairs.
public enum AdaptiveRepeats {
    /// Pairs added per round; checkpoints are multiples of it.
    public static let roundSize = 10
    /// Pairs before the first check.
    public static let minimumPairs = 10
    /// Pairs at which the run stops whatever the check says.
    public static let maximumPairs = 100
    /// Width of the intervals in standard errors (two-sided 95 % under a normal approximation).
    public static let z = 2.0

    /// Swaps into and out of the top k that may remain possible when the run stops: one in
    /// twenty rows.
    public static func tolerance(k: Int) -> Int { k / 20 }

    /// Slots whose interval may still hold the stability threshold when the run stops: at
    /// least one, since a slot whose frequency sits on the threshold never settles.
    public static func thresholdTolerance(k: Int) -> Int { max(1, tolerance(k: k)) }

    /// The checkpoints up to `pairs` (inclusive): 10, 20, …, capped at `maximumPairs`.
    public static func checkpoints(upTo pairs: Int) -> [Int] {
        Array(stride(from: minimumPairs, through: min(pairs, maximumPairs), by: roundSize))
    }

    /// The consensus at one checkpoint, and whether the run may stop there.
    public struct Check: Sendable, Equatable {
        /// Pairs the consensus was computed from.
        public var pairs: Int
        /// Top-k slots whose interval reaches below the k-th boundary.
        public var uncertainInside: Int
        /// Slots outside the top k whose interval reaches above it.
        public var uncertainOutside: Int
        /// Slots whose frequency interval holds the stability threshold.
        public var uncertainStable: Int
        /// Swaps allowed to remain.
        public var tolerance: Int
        /// Slots near the threshold allowed to remain.
        public var thresholdTolerance: Int

        /// Swaps into and out of the top k that further pairs could still make.
        public var possibleSwaps: Int { min(uncertainInside, uncertainOutside) }

        /// Whether further pairs are unlikely to change the top k or the stable set.
        public var settled: Bool { possibleSwaps <= tolerance && uncertainStable <= thresholdTolerance }
    }

    /// Standard errors of each slot's frequency and support in `ranking` (slot order), from
    /// `stabilityFits` (the halves of pairs 1…b): per-pair counts c_i ∈ {0, 1, 2} plus one
    /// pseudo-pair at 1, se = sqrt(var(c) / b) / 2; a complement's support error is scaled by
    /// the stability frequency's weight in its mix (`ConsensusRanking.supportWeights`).
    static func errors(_ ranking: ConsensusRanking, stabilityFits: [FitRecord]) -> (frequency: [Double], support: [Double]) {
        var slotOf: [Int: Int] = [:]
        for (s, slot) in ranking.slots.enumerated() { for m in slot.members { slotOf[m.feature] = s } }
        let pairs = Array(Set(stabilityFits.map(\.pair))).sorted()
        let pairIndex = Dictionary(uniqueKeysWithValues: pairs.enumerated().map { ($1, $0) })
        // counts[s][i]: halves of the i-th pair that picked a member of slot s.
        var counts = [[Double]](repeating: [Double](repeating: 0, count: pairs.count), count: ranking.slots.count)
        for fit in stabilityFits {
            let i = pairIndex[fit.pair]!
            for s in Set(fit.picks.compactMap { slotOf[$0.feature] }) { counts[s][i] += 1 }
        }
        let b = Double(max(pairs.count, 1))
        let (ws, wf) = ConsensusRanking.supportWeights
        let complementScale = ranking.fullFitCount == 0 ? 1 : Double(ws) / Double(ws + wf)
        var frequency: [Double] = [], support: [Double] = []
        for (s, slot) in ranking.slots.enumerated() {
            let c = counts[s] + [1]
            let mean = c.reduce(0, +) / Double(c.count)
            let variance = c.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(c.count - 1)
            let error = (variance / b).squareRoot() / 2
            frequency.append(error)
            support.append(slot.complement ? error * complementScale : error)
        }
        return (frequency, support)
    }

    /// The k-th boundary of `ranking`: midway between the k-th and the (k+1)-th support (0 past
    /// the last slot); nil with fewer than k slots.
    static func boundary(_ ranking: ConsensusRanking, k: Int) -> Double? {
        let supports = ranking.slots.map(\.support)
        return supports.count >= k && k > 0 ? (supports[k - 1] + (supports.count > k ? supports[k] : 0)) / 2 : nil
    }

    /// Checks `ranking`, the consensus of `stabilityFits` (the halves of pairs 1…b, b ≥ 1)
    /// and the full-split fits, for the top `k`.
    public static func check(_ ranking: ConsensusRanking, stabilityFits: [FitRecord], k: Int) -> Check {
        let pairs = Set(stabilityFits.map(\.pair)).count
        let errors = errors(ranking, stabilityFits: stabilityFits)
        let boundary = boundary(ranking, k: k)
        var inside = 0, outside = 0, nearThreshold = 0
        for (s, slot) in ranking.slots.enumerated() {
            if let boundary, abs(slot.support - boundary) < z * errors.support[s] {
                if s < k { inside += 1 } else { outside += 1 }
            }
            if abs(slot.frequency - ranking.threshold) < z * errors.frequency[s] { nearThreshold += 1 }
        }
        return Check(pairs: pairs, uncertainInside: inside, uncertainOutside: outside,
                     uncertainStable: nearThreshold, tolerance: tolerance(k: k),
                     thresholdTolerance: thresholdTolerance(k: k))
    }
}
