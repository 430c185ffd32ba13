import GSelIO

/// The univariate baseline (`--method marginal`): ranks features one at a time by
/// the one-way ANOVA F statistic across classes (scikit-learn's `f_classif`) for
/// classification, or by the absolute Pearson correlation with the target (|`r_regression`|)
/// for regression. Ties go to the lower input position. Constant features score 0
/// (never NaN); a feature that is constant within every class but differs between
/// classes scores +infinity, as in scikit-learn. Both statistics are invariant to
/// standardization; missing values count as the feature mean, as everywhere in gsel.
///
/// With covariates (a `CovariateMatrix`), each feature is tested after regressing the
/// covariates out, as PLINK's `--glm` with covariates does: for classification the partial
/// (ANCOVA) F of the classes on the feature given the covariates, for regression the
/// absolute partial correlation of feature and target given the covariates (a monotone
/// function of the linear model's t statistic). See `CovariateAdjustment`.
///
/// With `groups`, a group scores the maximum statistic of its members (its best single
/// feature), and picks are group indices.
///
/// `included` features (`--include`) take the first places, in their order; the rest follow
/// by the statistic.
///
/// With `costs` (`--costs`, `--budget`) the order after them is the `CostBudget` rule's,
/// applied pick by pick on the fixed statistics (`gains`), until k or the budget.
public struct MarginalSelector: FeatureSelector {
    /// Feature groups to rank instead of single features.
    public var groups: FeatureGroups?
    /// Features placed first, in order (never with groups).
    public var included: [Int]
    /// Feature costs and the budget (never with groups); nil = by the statistic alone.
    public var costs: CostBudget?
    public var name: String { "marginal" }

    public init(groups: FeatureGroups? = nil, included: [Int] = [], costs: CostBudget? = nil) {
        self.groups = groups
        self.included = included
        self.costs = costs
    }

    /// Picks the `k` best-scoring features (or groups). Deterministic: `seed` and `stream` are not used.
    public func select(_ data: StandardizedData, target: Target, k: Int, seed: UInt64 = 0,
                       stream: [UInt64] = []) throws -> SelectionResult {
        try SelectionRequest.validate(data, target: target, k: k, groups: groups, included: included, costs: costs, method: name)
        var scores = try Self.scores(data, target: target)
        if let groups { scores = Self.groupScores(scores, groups: groups) }
        guard let costs else {
            return SelectionResult(picks: Self.ranking(scores, included: included).prefix(k).map { .init(feature: $0, score: scores[$0]) })
        }
        let order = Self.ranking(scores, target: target, included: included, costs: costs, count: k)
        let stop = order.count < k && costs.budget != nil ? costs.stopReason(picked: order.count, spent: costs.cost(of: order)) : nil
        return SelectionResult(picks: order.map { .init(feature: $0, score: scores[$0]) }, stopReason: stop)
    }

    /// Up to `count` features: `included`, then the cost rule's picks on the statistics.
    public static func ranking(_ scores: [Double], target: Target, included: [Int], costs: CostBudget, count: Int) -> [Int] {
        costs.order(gains: gains(scores, target: target), scores: scores, count: count, first: included)
    }

    /// The statistic above what the best of the p candidates reaches by chance (about 2 ln p
    /// in χ² units: the largest of p null statistics): F − 2 ln p for classification,
    /// r² − 2 ln p / n for regression; at least 0.
    public static func gains(_ scores: [Double], target: Target) -> [Double] {
        let chance = CostBudget.chanceLevel(candidates: scores.count)
        let n = Double(max(target.count, 1))
        return scores.map { s in
            let g = target.isClassification ? s - chance : s * s - chance / n
            return g > 0 ? g : 0
        }
    }

    /// `included` first, in their order, then the other features by decreasing score.
    public static func ranking(_ scores: [Double], included: [Int]) -> [Int] {
        guard !included.isEmpty else { return ranking(scores) }
        let first = Set(included)
        return included + ranking(scores).filter { !first.contains($0) }
    }

    /// The score of each group: the largest score of its members (0 for an empty group).
    public static func groupScores(_ scores: [Double], groups: FeatureGroups) -> [Double] {
        groups.members.map { m in m.reduce(0) { max($0, scores[$1]) } }
    }

    /// Feature indices by decreasing score, lower index first on ties.
    public static func ranking(_ scores: [Double]) -> [Int] {
        scores.indices.sorted { a, b in scores[a] != scores[b] ? scores[a] > scores[b] : a < b }
    }

    /// The statistic of every candidate feature (F or |r|, given the covariates when the data
    /// has them), in input order. Throws an `InputError` when the target does not fit the
    /// data, or when fewer than two classes are present or there are no more samples than
    /// classes and covariates (no residual degrees of freedom).
    public static func scores(_ data: StandardizedData, target: Target) throws -> [Double] {
        guard target.count == data.sampleCount else {
            throw InputError(file: "", "marginal: the target has \(target.count) values but the data has \(data.sampleCount) samples")
        }
        let n = data.sampleCount, p = data.candidateCount
        // Per sample: the group its weighted sum goes to, and the weight (1 per class, or y).
        let group: [Int], weight: [Double], groupCount: Int
        switch target {
        case .classes(let codes, let names):
            group = codes.map { Int($0) }
            weight = [Double](repeating: 1, count: n)
            groupCount = names.count
            let counts = target.classCounts
            let present = counts.filter { $0 > 0 }.count
            guard present >= 2 else {
                throw InputError(file: "", "marginal: the F-test needs at least 2 classes, found \(present) among \(n) samples")
            }
            guard n > present else {
                throw InputError(file: "", "marginal: the F-test needs more samples (\(n)) than classes (\(present))")
            }
        case .values(let v):
            group = [Int](repeating: 0, count: n)
            weight = v.map { Double($0) }
            groupCount = 1
        }
        let adjustment = try CovariateAdjustment(data, target: target)
        let r = adjustment.rank
        // Column sums, sums of squares, per-group weighted sums and the products with the
        // covariate basis, in one pass.
        let width = 2 + groupCount + r
        let sums = UnsafeMutablePointer<Double>.allocate(capacity: width * p)
        defer { sums.deallocate() }
        sums.initialize(repeating: 0, count: width * p)
        let sum = sums, sumSquares = sums + p, groupSums = sums + 2 * p, basisProducts = sums + (2 + groupCount) * p
        adjustment.basis.withUnsafeBufferPointer { q in
            if let matrix = data.matrix as? SparseMatrix, data.covariateCount == 0 {
                return accumulateStoredValues(matrix, data: data, group: group, weight: weight, groupCount: groupCount,
                                              basis: q, rank: r, into: sums)
            }
            data.forEachBlock { b in
                guard b.featureStart < p else { return }
                let width = min(b.featureCount, p - b.featureStart)
                for i in 0 ..< b.rowCount {
                    let row = b.rowStart + i
                    let g = groupSums + group[row] * p + b.featureStart, w = weight[row]
                    let s = sum + b.featureStart, sq = sumSquares + b.featureStart
                    for f in 0 ..< width {
                        let x = Double(b[row: i, feature: f])
                        s[f] += x
                        sq[f] += x * x
                        g[f] += x * w
                    }
                    for k in 0 ..< r {
                        let u = basisProducts + k * p + b.featureStart, qk = q[k * n + row]
                        for f in 0 ..< width { u[f] += Double(b[row: i, feature: f]) * qk }
                    }
                }
            }
        }
        var groupSum = [Double](repeating: 0, count: groupCount), products = [Double](repeating: 0, count: r)
        return (0 ..< p).map { j in
            for c in 0 ..< groupCount { groupSum[c] = groupSums[c * p + j] }
            for k in 0 ..< r { products[k] = basisProducts[k * p + j] }
            return adjustment.statistic(sum: sum[j], sumOfSquares: sumSquares[j], groupSums: groupSum,
                                        basisProducts: products)
        }
    }
}
