import GSelIO

/// The univariate baseline (`--method marginal`): ranks features one at a time by
/// the one-way ANOVA F statistic across classes (scikit-learn's `f_classif`) for
/// classification, or by the absolute Pearson correlation with the target (|`r_regression`|)
/// for regression. Ties go to the lower input position. Constant features score 0
/// (never NaN); a feature that is constant within every class but differs between
/// classes scores +infinity, as in scikit-learn. Both statistics are invariant to
/// standardization; missing values count as the feature mean, as everywhere in gsel.
///
/// With `groups`, a group scores the maximum statistic of its members (its best single
/// feature), and picks are group indices.
public struct MarginalSelector: FeatureSelector {
    /// Feature groups to rank instead of single features.
    public var groups: FeatureGroups?
    public var name: String { "marginal" }

    public init(groups: FeatureGroups? = nil) { self.groups = groups }

    /// Picks the `k` best-scoring features (or groups). Deterministic: `seed` and `stream` are not used.
    public func select(_ data: StandardizedData, target: Target, k: Int, seed: UInt64 = 0,
                       stream: [UInt64] = []) throws -> SelectionResult {
        try SelectionRequest.validate(data, target: target, k: k, groups: groups, method: name)
        var scores = try Self.scores(data, target: target)
        if let groups { scores = Self.groupScores(scores, groups: groups) }
        return SelectionResult(picks: Self.ranking(scores).prefix(k).map { .init(feature: $0, score: scores[$0]) })
    }

    /// The score of each group: the largest score of its members (0 for an empty group).
    public static func groupScores(_ scores: [Double], groups: FeatureGroups) -> [Double] {
        groups.members.map { m in m.reduce(0) { max($0, scores[$1]) } }
    }

    /// Feature indices by decreasing score, lower index first on ties.
    public static func ranking(_ scores: [Double]) -> [Int] {
        scores.indices.sorted { a, b in scores[a] != scores[b] ? scores[a] > scores[b] : a < b }
    }

    /// The statistic of every feature (F or |r|), in input order. Throws a `UsageError`
    /// when the target does not fit the data, or when fewer than two classes are present
    /// or there are no more samples than classes (no within-class degrees of freedom).
    public static func scores(_ data: StandardizedData, target: Target) throws -> [Double] {
        guard target.count == data.sampleCount else {
            throw UsageError("marginal: the target has \(target.count) values but the data has \(data.sampleCount) samples")
        }
        let n = data.sampleCount, p = data.featureCount
        // Per sample: the group its weighted sum goes to, and the weight (1 per class, or y).
        let group: [Int], weight: [Double], groupCount: Int
        switch target {
        case .classes(let codes, let names):
            group = codes.map { Int($0) }
            weight = [Double](repeating: 1, count: n)
            groupCount = names.count
        case .values(let v):
            group = [Int](repeating: 0, count: n)
            weight = v.map { Double($0) }
            groupCount = 1
        }
        // Column sums, sums of squares and per-group weighted sums, in one pass.
        let sums = UnsafeMutablePointer<Double>.allocate(capacity: (2 + groupCount) * p)
        defer { sums.deallocate() }
        sums.initialize(repeating: 0, count: (2 + groupCount) * p)
        let sum = sums, sumSquares = sums + p, groupSums = sums + 2 * p
        data.forEachBlock { b in
            for i in 0 ..< b.rowCount {
                let row = b.rowStart + i
                let g = groupSums + group[row] * p + b.featureStart, w = weight[row]
                let s = sum + b.featureStart, q = sumSquares + b.featureStart
                for f in 0 ..< b.featureCount {
                    let x = Double(b[row: i, feature: f])
                    s[f] += x
                    q[f] += x * x
                    g[f] += x * w
                }
            }
        }
        switch target {
        case .classes(let codes, let names):
            var counts = [Int](repeating: 0, count: names.count)
            for c in codes { counts[Int(c)] += 1 }
            let present = counts.filter { $0 > 0 }.count
            guard present >= 2 else {
                throw UsageError("marginal: the F-test needs at least 2 classes, found \(present) among \(n) samples")
            }
            guard n > present else {
                throw UsageError("marginal: the F-test needs more samples (\(n)) than classes (\(present))")
            }
            return (0 ..< p).map { j in
                var between = 0.0
                for c in 0 ..< names.count where counts[c] > 0 {
                    let s = groupSums[c * p + j]
                    between += s * s / Double(counts[c])
                }
                let correction = sum[j] * sum[j] / Double(n)
                return fStatistic(total: sumSquares[j] - correction, between: between - correction,
                                  classes: present, samples: n)
            }
        case .values(let v):
            var ySum = 0.0, ySquares = 0.0
            for value in v { let y = Double(value); ySum += y; ySquares += y * y }
            let yVariation = ySquares - ySum * ySum / Double(n)
            return (0 ..< p).map { j in
                let covariation = groupSums[j] - sum[j] * ySum / Double(n)
                return min(1, abs(Pearson.r(covariation: covariation, xVariation: sumSquares[j] - sum[j] * sum[j] / Double(n),
                                            yVariation: yVariation)))
            }
        }
    }

    /// One-way ANOVA F from the total and between-class sums of squares.
    private static func fStatistic(total: Double, between: Double, classes: Int, samples: Int) -> Double {
        guard total > 0 else { return 0 }
        let b = min(max(between, 0), total)
        let within = total - b
        if within <= 1e-12 * total { return b > 0 ? .infinity : 0 }
        return (b / Double(classes - 1)) / (within / Double(samples - classes))
    }
}
