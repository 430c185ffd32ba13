/// Aggregates fits into the ranked list: selection frequency (picks / fits), the
/// stable flag (frequency ≥ threshold), mean selection order and mean attention
/// weight, ordered by frequency, then mean order, then input position.
public struct StabilityRanking: Sendable, Equatable {
    /// One ranked feature.
    public struct Entry: Sendable, Equatable {
        public var feature: Int
        /// Fits that picked it / all fits.
        public var frequency: Double
        public var stable: Bool
        /// Mean 1-based pick position over the fits that picked it.
        public var meanSelectionOrder: Double
        /// Mean score (attention weight for SA) over the fits that picked it.
        public var meanScore: Double

        public init(feature: Int, frequency: Double, stable: Bool, meanSelectionOrder: Double, meanScore: Double) {
            self.feature = feature; self.frequency = frequency; self.stable = stable
            self.meanSelectionOrder = meanSelectionOrder; self.meanScore = meanScore
        }
    }

    /// All features picked at least once, best first.
    public let entries: [Entry]
    public let fitCount: Int
    public let threshold: Double
    /// Features each fit picks (q).
    public let q: Int
    /// Number of candidate features (p).
    public let featureCount: Int

    public init(fits: [FitRecord], featureCount p: Int, q: Int, threshold: Double) {
        var picks = [Int](repeating: 0, count: p)
        var orderSum = [Double](repeating: 0, count: p)
        var scoreSum = [Double](repeating: 0, count: p)
        // Fits in a canonical order so that sums do not depend on how they were gathered.
        let sorted = fits.sorted { $0.id < $1.id }
        for fit in sorted {
            for (i, pick) in fit.picks.enumerated() {
                picks[pick.feature] += 1
                orderSum[pick.feature] += Double(i + 1)
                scoreSum[pick.feature] += pick.score
            }
        }
        let n = Double(max(fits.count, 1))
        var list: [Entry] = []
        for j in 0 ..< p where picks[j] > 0 {
            let f = Double(picks[j]) / n
            list.append(Entry(feature: j, frequency: f, stable: f >= threshold,
                              meanSelectionOrder: orderSum[j] / Double(picks[j]),
                              meanScore: scoreSum[j] / Double(picks[j])))
        }
        list.sort {
            if $0.frequency != $1.frequency { return $0.frequency > $1.frequency }
            if $0.meanSelectionOrder != $1.meanSelectionOrder { return $0.meanSelectionOrder < $1.meanSelectionOrder }
            return $0.feature < $1.feature
        }
        entries = list
        fitCount = fits.count
        self.threshold = threshold
        self.q = q
        featureCount = p
    }

    /// The top `k` entries (fewer when fewer features were ever picked).
    public func top(_ k: Int) -> [Entry] { Array(entries.prefix(k)) }

    /// Number of features with frequency ≥ threshold.
    public var stableCount: Int { entries.filter(\.stable).count }

    /// Nogueira, Sechidis & Brown (2018) stability of the fits' feature sets (see `StabilityIndex`).
    public var stabilityIndex: Double? {
        StabilityIndex.nogueira(selectionCounts: entries.map { Int(($0.frequency * Double(fitCount)).rounded()) },
                                sets: fitCount, universe: featureCount)
    }

    /// Meinshausen–Bühlmann (2010) bound on the expected number of falsely selected
    /// features in the stable set: E[V] ≤ q² / ((2·threshold − 1)·p).
    public var meinshausenBuhlmannBound: Double {
        Double(q * q) / ((2 * threshold - 1) * Double(featureCount))
    }
}
