/// The consensus ranking of a stability run: slots of substitutes, ranked by how often the
/// fits pick them. The one place that counts fits into a ranking; the per-feature view (the
/// frequency chart, the Manhattan plot, chunk winners) is the same ranking over an empty
/// `SubstituteGraph`, where every slot holds one feature.
///
/// Two families of fits vote. The *stability fits* (the 2B complementary halves) give each
/// slot its selection frequency, the stable set and the error bound. The *full-split fits*
/// (fits on the whole training split, each with its own random stream) have the power of
/// one fit on all the samples: a feature that matters only given a partner (a suppressor)
/// is picked by them, where half-sample fits often lack the power. Slots are ranked by
/// their support: the stability frequency, and for a complement slot (correlated with a
/// better slot but picked together with it) a fixed mix of both families' frequencies,
/// `supportWeights`. Measured (docs/consensus-ranking.md):
/// votes of full-split fits for every slot cost held-out quality on pbmc (0.595 against
/// 0.626 over 5 splits: the full-split fits all see one training split, so they agree on
/// its noise), for complements only 0.618; weight 2 still lost a planted complement.
///
/// Slot rule. Features picked by any fit are taken in order of the same mix of their two
/// frequencies (ties: smaller sum of
/// pick positions over all fits, then smaller index). Each joins the first slot, in the
/// order the slots were opened, whose representative it *substitutes* for, and opens a
/// slot of its own when there is none. Two features are substitutes when they are
/// correlated (|r| on the training split at least the graph's threshold) *and* the fits use
/// them as alternatives: the fits that pick both number at most half of what independent
/// picks would give (co-picks · N ≤ ½ · picks(a) · picks(b) over all N fits), fewer than
/// `minimumCoPicks`, or fewer than half the fits of the less picked of the two. Correlated
/// features that the fits pick together are complements and keep their own slots. A fit
/// counts once per slot, at its earliest member. A member's share is the fraction of the
/// slot's fits that picked it.
///
/// Stable set and bound (Meinshausen & Bühlmann 2010, Theorem 1; Shah & Samworth 2013 for
/// complementary pairs), from the stability fits only: a slot is stable when its stability
/// frequency is at least `threshold`, and E[V] ≤ q̄² / ((2·threshold − 1)·P) bounds the
/// expected number of stable slots made only of noise, with P the slots formed plus every
/// never-picked feature and q̄ the mean number of slots a stability fit fills (≤ q). It
/// assumes what the feature-level bound assumes, now of slots (exchangeable noise slots, a
/// selector not worse than random guessing); the slots are formed from the same fits and
/// training data, which the theorem does not cover, and `largestSlotSize` is reported.
///
/// Included features (`--include`: every fit's first picks) lead the ranking in their
/// order, each in a slot of its own: no feature substitutes for one (the fits cannot use a
/// feature *instead of* a marker they always hold; one correlated with a marker and still
/// picked is picked together with it, a complement). They are not selected by the fits, so
/// they are never stable and neither q̄ nor P nor the stability index counts them.
public struct ConsensusRanking: Sendable, Equatable {
    /// A feature of a slot and the number of fits (of both families) that picked it.
    public struct Member: Sendable, Equatable {
        public var feature: Int
        public var fits: Int
        public init(feature: Int, fits: Int) { self.feature = feature; self.fits = fits }
    }

    /// One slot: a representative and its substitutes.
    public struct Slot: Sendable, Equatable {
        /// The member with the largest support.
        public var representative: Int
        /// Members in the order they joined; the representative leads.
        public var members: [Member]
        /// Stability fits that picked any member.
        public var fitCount: Int
        /// fitCount / stability fits.
        public var frequency: Double
        /// Full-split fits that picked any member.
        public var fullFitCount: Int
        /// fullFitCount / full-split fits; nil when the run had none.
        public var fullFrequency: Double?
        public var stable: Bool
        /// Its representative is correlated with a better slot's but picked together with it
        /// (a complement, such as a suppressor and its partner).
        public var complement: Bool
        /// What the slots are ranked by: the stability frequency, or for a complement the mix of
        /// both frequencies by `supportWeights` (see `ConsensusRanking`).
        public var support: Double
        /// Mean 1-based pick position of each fit's earliest member (fits of both families).
        public var meanSelectionOrder: Double
        /// Mean score (attention weight for SA) of each fit's earliest member.
        public var meanScore: Double
        /// An included feature (`--include`): first in every fit, never stable, never merged.
        public var included = false

        /// Fraction of the slot's fits (both families) that picked `member`.
        public func share(_ member: Member) -> Double {
            Double(member.fits) / Double(max(fitCount + fullFitCount, 1))
        }
    }

    /// All slots, best first. Every feature picked by some fit is in exactly one slot.
    public let slots: [Slot]
    /// Stability fits (2B).
    public let fitCount: Int
    /// Full-split fits.
    public let fullFitCount: Int
    public let threshold: Double
    /// Features each fit picks (q).
    public let q: Int
    /// Number of candidate features (p).
    public let featureCount: Int
    /// Features picked at least once.
    public let pickedFeatureCount: Int
    /// The correlation threshold that made features substitutes.
    public let minimumCorrelation: Double

    /// Fits at most this fraction of chance co-picks apart are alternatives (substitutes).
    public static let maximumCoPickRatio = 0.5
    /// Fewer fits than this picking both never make two correlated features complements: on
    /// small cohorts (Golub's 38 samples) weak members of one co-expression module share a
    /// fit or two by chance, and splitting the module on that evidence cost its stable slot
    /// and seed stability (docs/consensus-ranking.md).
    public static let minimumCoPicks = 5
    /// A complement is picked with its partner in at least this share of its own fits (a
    /// suppressor: in all of them). Variants in linkage disequilibrium that share a fit now and
    /// then are substitutes: splitting them cost hs1940's held-out R² 0.374 -> 0.346.
    public static let minimumPartnerShare = 0.5
    /// A complement's support: (stability · stability frequency + fullSplit · full-split
    /// frequency) / (stability + fullSplit), i.e. the full-split frequency weighs 3/13. That is
    /// the share 10 full-split fits with 3 votes each had beside 100 half-sample fits, the
    /// setting measured for 0.3.0 (whose rankings it reproduces at 50 pairs). Fixed weights keep
    /// a complement's support from fading as an adaptive run adds pairs: with votes, a planted
    /// suppressor fell from 8th to 9th place between 50 and 100 pairs (docs/adaptive-repeats.md).
    public static let supportWeights = (stability: 10, fullSplit: 3)

    /// Features every fit picked first (`--include`), in order.
    public let included: [Int]

    public init(stabilityFits: [FitRecord], fullFits: [FitRecord] = [], graph: SubstituteGraph,
                featureCount p: Int, q: Int, threshold: Double, included: [Int] = []) {
        let includedAt = Dictionary(uniqueKeysWithValues: included.enumerated().map { ($1, $0) })
        // Fits in a canonical order so that sums do not depend on how they were gathered.
        let stability = stabilityFits.sorted { $0.id < $1.id }, full = fullFits.sorted { $0.id < $1.id }
        let all = stability + full
        let h = stability.count, f = full.count
        var inStability: [Int: Int] = [:], inFull: [Int: Int] = [:], orderSum: [Int: Int] = [:]
        for (n, fit) in all.enumerated() {
            for (i, pick) in fit.picks.enumerated() {
                if n < h { inStability[pick.feature, default: 0] += 1 } else { inFull[pick.feature, default: 0] += 1 }
                orderSum[pick.feature, default: 0] += i + 1
            }
        }
        // The mixed support as an exact fraction weight / votes: ws·s/h + wf·u/f over (ws + wf),
        // on the common denominator (ws + wf)·h·f; without full-split fits, s/h.
        let (ws, wf) = Self.supportWeights
        func weight(_ s: Int, _ u: Int) -> Int { f == 0 ? s : ws * s * f + wf * u * max(h, 1) }
        let votes = Double(f == 0 ? max(h, 1) : (ws + wf) * max(h, 1) * f)
        let picked = Set(inStability.keys).union(inFull.keys)
        let count = { (j: Int) in (inStability[j] ?? 0) + (inFull[j] ?? 0) }  // fits that picked j
        let bySupport = picked.sorted { a, b in
            if includedAt[a] != nil || includedAt[b] != nil { return (includedAt[a] ?? Int.max) < (includedAt[b] ?? Int.max) }
            let wa = weight(inStability[a] ?? 0, inFull[a] ?? 0), wb = weight(inStability[b] ?? 0, inFull[b] ?? 0)
            if wa != wb { return wa > wb }
            if orderSum[a]! != orderSum[b]! { return orderSum[a]! < orderSum[b]! }
            return a < b
        }
        // The fits (indices into `all`) that picked each feature, for co-pick counts.
        var fitsOf: [Int: Set<Int>] = [:]
        for (n, fit) in all.enumerated() { for pick in fit.picks { fitsOf[pick.feature, default: []].insert(n) } }
        func alternatives(_ a: Int, _ b: Int) -> Bool {
            let together = fitsOf[a]!.intersection(fitsOf[b]!).count
            return together < Self.minimumCoPicks
                || Double(together * all.count) <= Self.maximumCoPickRatio * Double(count(a) * count(b))
                || Double(together) < Self.minimumPartnerShare * Double(min(count(a), count(b)))
        }
        var slotOf: [Int: Int] = [:]
        var representatives: [Int] = []
        var members: [[Member]] = []
        var complements: [Bool] = []
        for j in bySupport {
            // The earliest-opened slot whose representative j substitutes for; a feature that is
            // correlated with representatives but picked together with them is a complement.
            let correlated = graph.substitutes(of: j).keys
                .compactMap { r in slotOf[r].flatMap { representatives[$0] == r ? $0 : nil } }.sorted()
            // Included features never join a slot, and no feature joins theirs.
            let home = includedAt[j] != nil ? nil
                : correlated.first { includedAt[representatives[$0]] == nil && alternatives(j, representatives[$0]) }
            let s = home ?? representatives.count
            if home == nil { representatives.append(j); members.append([]); complements.append(!correlated.isEmpty) }
            slotOf[j] = s
            members[s].append(Member(feature: j, fits: count(j)))
        }
        let m = representatives.count
        var stabilityFitsWith = [Int](repeating: 0, count: m), fullFitsWith = [Int](repeating: 0, count: m)
        var orders = [Int](repeating: 0, count: m)
        var scores = [Double](repeating: 0, count: m)
        for (n, fit) in all.enumerated() {
            var seen = Set<Int>()
            for (i, pick) in fit.picks.enumerated() {
                let s = slotOf[pick.feature]!
                guard seen.insert(s).inserted else { continue }
                if n < h { stabilityFitsWith[s] += 1 } else { fullFitsWith[s] += 1 }
                orders[s] += i + 1
                scores[s] += pick.score
            }
        }
        let hn = Double(max(h, 1))
        slots = (0 ..< m).map { s in
            let fits = Double(stabilityFitsWith[s] + fullFitsWith[s])
            let isIncluded = includedAt[representatives[s]] != nil
            var slot = Slot(representative: representatives[s], members: members[s], fitCount: stabilityFitsWith[s],
                        frequency: Double(stabilityFitsWith[s]) / hn, fullFitCount: fullFitsWith[s],
                        fullFrequency: f == 0 ? nil : Double(fullFitsWith[s]) / Double(f),
                        stable: !isIncluded && Double(stabilityFitsWith[s]) / hn >= threshold,
                        complement: complements[s],
                        support: complements[s] ? Double(weight(stabilityFitsWith[s], fullFitsWith[s])) / votes
                            : Double(stabilityFitsWith[s]) / hn,
                        meanSelectionOrder: Double(orders[s]) / fits, meanScore: scores[s] / fits)
            slot.included = isIncluded
            return slot
        }.sorted {
            if $0.included || $1.included {
                return (includedAt[$0.representative] ?? Int.max) < (includedAt[$1.representative] ?? Int.max)
            }
            if $0.support != $1.support { return $0.support > $1.support }
            if $0.fitCount != $1.fitCount { return $0.fitCount > $1.fitCount }
            if $0.meanSelectionOrder != $1.meanSelectionOrder { return $0.meanSelectionOrder < $1.meanSelectionOrder }
            return $0.representative < $1.representative
        }
        pickedFeatureCount = picked.count
        fitCount = h
        fullFitCount = f
        self.threshold = threshold
        self.q = q
        featureCount = p
        minimumCorrelation = graph.minimumCorrelation
        self.included = included
    }

    /// The top `k` slots (fewer when fewer slots were formed).
    public func top(_ k: Int) -> [Slot] { Array(slots.prefix(k)) }

    /// Number of stable slots.
    public var stableCount: Int { slots.filter(\.stable).count }

    /// Mean number of slots a stability fit fills (q̄ ≤ q), included features left out.
    public var meanSlotsPerFit: Double {
        Double(slots.reduce(0) { $0 + ($1.included ? 0 : $1.fitCount) }) / Double(max(fitCount, 1))
    }

    /// P: the slots formed plus each never-picked feature as its own slot, included features
    /// left out (they are not chosen among).
    public var slotUniverse: Int { slots.count - includedSlotCount + (featureCount - pickedFeatureCount) }

    /// Slots of included features (they lead `slots`).
    public var includedSlotCount: Int { slots.reduce(0) { $0 + ($1.included ? 1 : 0) } }

    /// Members of the largest slot.
    public var largestSlotSize: Int { slots.map(\.members.count).max() ?? 0 }

    /// Meinshausen–Bühlmann bound at slot level: E[V] ≤ q̄² / ((2·threshold − 1)·P).
    public var expectedFalseSlotsBound: Double {
        meanSlotsPerFit * meanSlotsPerFit / ((2 * threshold - 1) * Double(max(slotUniverse, 1)))
    }

    /// Nogueira, Sechidis & Brown (2018) stability of the stability fits' slot sets over the
    /// P slots (over the features for an empty graph).
    public var stabilityIndex: Double? {
        StabilityIndex.nogueira(selectionCounts: slots.filter { !$0.included }.map(\.fitCount), sets: fitCount, universe: slotUniverse)
    }
}
