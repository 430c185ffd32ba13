/// The consensus ranking of a stability run, in slots of near-substitutes.
///
/// Sequential Attention never takes two copies of the same information in one fit, but
/// different fits take different copies: ranked by raw frequency, both copies of a
/// near-duplicate (0.59 and 0.41) end up in the top k. A slot counts them once.
///
/// Rule. Features picked by any fit are taken in order of how many fits picked them (ties:
/// smaller mean pick position, then smaller index). Each joins the first slot, in the order
/// the slots were opened, whose representative it substitutes for in the data (|r| on the
/// training split at least the graph's threshold); a feature that substitutes for no
/// representative opens a slot and represents it. So the representative is the slot's most
/// frequent member, and no two representatives are substitutes. A fit counts once per slot:
/// the slot's frequency is the fraction of fits that picked any member (a multiple of
/// 1/(2B)), its pick position and score those of the fit's earliest member. Slots are ranked
/// by frequency, then mean pick position, then representative index. A member's share is
/// the fraction of the slot's fits that picked it (shares add up to 1 when no fit picked two
/// members, more when some did). Measured alternatives are in docs/consensus-ranking.md.
///
/// Stable set and error bound at slot level (Meinshausen & Bühlmann 2010, Theorem 1;
/// Shah & Samworth 2013 for complementary pairs): a slot is stable when its frequency is
/// at least `threshold`, and E[V] ≤ q̄² / ((2·threshold − 1)·P) bounds the expected number
/// of stable slots made only of noise features. The unit of selection is the slot, so p
/// becomes P, the number of slots (the slots formed plus every never-picked feature as its
/// own slot; P ≤ p, which makes the bound larger than the feature-level one, never
/// smaller), and q becomes q̄, the mean number of slots a fit fills (≤ q). The bound assumes
/// what the feature-level one does, now of slots: the selection indicators of the noise
/// slots are exchangeable, and the selector is not worse than random guessing. Two caveats
/// the theorem does not cover: the slots are built from the same fits and training data,
/// and a slot of many members is easier to hit at random than a singleton; both are small
/// when slots hold near-duplicates only, and `largestSlotSize` is reported.
public struct SubstituteSlots: Sendable, Equatable {
    /// A feature of a slot and the number of fits that picked it.
    public struct Member: Sendable, Equatable {
        public var feature: Int
        public var fits: Int
        public init(feature: Int, fits: Int) { self.feature = feature; self.fits = fits }
    }

    /// One slot: a representative and its substitutes.
    public struct Slot: Sendable, Equatable {
        /// The most frequent member.
        public var representative: Int
        /// Members in the order they joined (most frequent first); the representative leads.
        public var members: [Member]
        /// Fits that picked any member.
        public var fitCount: Int
        /// fitCount / all fits.
        public var frequency: Double
        public var stable: Bool
        /// Mean 1-based pick position of each fit's earliest member.
        public var meanSelectionOrder: Double
        /// Mean score (attention weight for SA) of each fit's earliest member.
        public var meanScore: Double

        /// Fraction of the slot's fits that picked `member`.
        public func share(_ member: Member) -> Double { Double(member.fits) / Double(max(fitCount, 1)) }
    }

    /// All slots, best first. Every feature picked by some fit is in exactly one slot.
    public let slots: [Slot]
    public let fitCount: Int
    public let threshold: Double
    /// Features each fit picks (q).
    public let q: Int
    /// Number of candidate features (p).
    public let featureCount: Int
    /// Features picked at least once.
    public let pickedFeatureCount: Int
    /// The correlation threshold that made features substitutes.
    public let minimumCorrelation: Double

    public init(fits: [FitRecord], graph: SubstituteGraph, featureCount p: Int, q: Int, threshold: Double) {
        let ordered = fits.sorted { $0.id < $1.id }
        var count: [Int: Int] = [:], orderSum: [Int: Int] = [:]
        for fit in ordered {
            for (i, pick) in fit.picks.enumerated() {
                count[pick.feature, default: 0] += 1
                orderSum[pick.feature, default: 0] += i + 1
            }
        }
        // Most frequent first; equal counts by mean position (sums compare exactly), then index.
        let byFrequency = count.keys.sorted { a, b in
            if count[a]! != count[b]! { return count[a]! > count[b]! }
            if orderSum[a]! != orderSum[b]! { return orderSum[a]! < orderSum[b]! }
            return a < b
        }
        var slotOf: [Int: Int] = [:]
        var representatives: [Int] = []
        var members: [[Member]] = []
        for j in byFrequency {
            // The earliest-opened slot whose representative j substitutes for.
            let home = graph.substitutes(of: j).keys.compactMap { r in slotOf[r].flatMap { representatives[$0] == r ? $0 : nil } }.min()
            let s = home ?? representatives.count
            if home == nil { representatives.append(j); members.append([]) }
            slotOf[j] = s
            members[s].append(Member(feature: j, fits: count[j]!))
        }
        var fitsWith = [Int](repeating: 0, count: representatives.count)
        var orders = [Int](repeating: 0, count: representatives.count)
        var scores = [Double](repeating: 0, count: representatives.count)
        for fit in ordered {
            var seen = Set<Int>()
            for (i, pick) in fit.picks.enumerated() {
                let s = slotOf[pick.feature]!
                guard seen.insert(s).inserted else { continue }
                fitsWith[s] += 1
                orders[s] += i + 1
                scores[s] += pick.score
            }
        }
        let n = Double(max(ordered.count, 1))
        slots = representatives.indices.map { s in
            Slot(representative: representatives[s], members: members[s], fitCount: fitsWith[s],
                 frequency: Double(fitsWith[s]) / n, stable: Double(fitsWith[s]) / n >= threshold,
                 meanSelectionOrder: Double(orders[s]) / Double(fitsWith[s]), meanScore: scores[s] / Double(fitsWith[s]))
        }.sorted {
            if $0.fitCount != $1.fitCount { return $0.fitCount > $1.fitCount }
            if $0.meanSelectionOrder != $1.meanSelectionOrder { return $0.meanSelectionOrder < $1.meanSelectionOrder }
            return $0.representative < $1.representative
        }
        pickedFeatureCount = count.count
        fitCount = fits.count
        self.threshold = threshold
        self.q = q
        featureCount = p
        minimumCorrelation = graph.minimumCorrelation
    }

    /// The top `k` slots (fewer when fewer slots were formed).
    public func top(_ k: Int) -> [Slot] { Array(slots.prefix(k)) }

    /// Number of stable slots.
    public var stableCount: Int { slots.filter(\.stable).count }

    /// Mean number of slots a fit fills (q̄ ≤ q).
    public var meanSlotsPerFit: Double {
        Double(slots.reduce(0) { $0 + $1.fitCount }) / Double(max(fitCount, 1))
    }

    /// P: the slots formed plus each never-picked feature as its own slot.
    public var slotUniverse: Int { slots.count + (featureCount - pickedFeatureCount) }

    /// Members of the largest slot.
    public var largestSlotSize: Int { slots.map(\.members.count).max() ?? 0 }

    /// Meinshausen–Bühlmann bound at slot level: E[V] ≤ q̄² / ((2·threshold − 1)·P).
    public var expectedFalseSlotsBound: Double {
        meanSlotsPerFit * meanSlotsPerFit / ((2 * threshold - 1) * Double(max(slotUniverse, 1)))
    }

    /// Nogueira, Sechidis & Brown (2018) stability of the fits' slot sets over the P slots.
    public var stabilityIndex: Double? {
        StabilityIndex.nogueira(selectionCounts: slots.map(\.fitCount), sets: fitCount, universe: slotUniverse)
    }
}
