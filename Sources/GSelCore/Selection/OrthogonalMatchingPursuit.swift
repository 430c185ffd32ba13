import CBLAS
import GSelIO

/// Orthogonal Matching Pursuit (`--method omp`) on the standardized matrix with a
/// centred target: each step picks the feature most correlated with the current
/// residual, then refits least squares on all picked features. Equivalent to
/// Sequential Attention with a linear model and squared loss, and its test oracle.
///
/// - Regression: classical OMP on `y − mean(y)`; the pick order equals
///   scikit-learn's `orthogonal_mp(X, y, n_nonzero_coefs=k)` on the same
///   standardized `X` (population sd).
/// - Classification: *simultaneous* (multi-target) OMP on the centred one-hot class
///   indicators `Y` (n x C), after Tropp, Gilbert & Strauss (2006), with the ℓ2
///   combination rule: the pick maximises `Σ_c ⟨x_j, r_c⟩² / ‖x_j‖²` over the class
///   residuals `R = Y − X_S Γ`, and `Γ` is the joint least-squares refit of all
///   classes. This is OMP for the multi-output squared loss on one-hot targets (the
///   linear, squared-loss case of Sequential Attention with a softmax-free output)
///   and treats every class alike instead of running C separate one-vs-rest paths
///   that would have to be merged into one order. With two classes the two
///   indicator columns are negatives of each other, so the path is plain OMP on
///   the centred indicator of the second class. Since the rows of `Y` sum to 0,
///   the work runs on `Y Q` for an orthonormal (Helmert) basis `Q` of the C − 1
///   contrasts, which leaves every score and residual norm unchanged.
///
/// The pick score is the normalised correlation with the residual,
/// `sqrt(Σ_c ⟨x_j, r_c⟩²) / (‖x_j‖ ‖R‖_F)` (|Pearson r| for regression); the
/// recorded loss is the mean squared training residual `‖R‖²_F / n` after the pick.
/// Least squares is refitted each step through an incrementally grown Cholesky
/// factor of the Gram matrix of the picked columns (Double). Correlations of all
/// columns with the residual come from one BLAS pass per step over the split
/// (`OMPDesign`: a dense Float32 copy up to 512 MB, else streamed from the store). Features with zero variance are
/// never picked. The run stops early, with `stopReason`, when the residual
/// vanishes, nothing correlates with it any more, or the best feature is
/// numerically a linear combination of those already picked (k above the rank).
///
/// Covariates (the trailing columns of a `CovariateMatrix`) form the initial active set:
/// the first pick already explains the residual of the target after a least-squares fit
/// of the covariates, every refit includes them, and they are never picked.
///
/// `included` features (`--include`) are the first picks, in their order, whatever their
/// correlation (each scored by its correlation with the residual when it joins): the
/// residual the free picks start from is that of the included features' least-squares fit.
/// An included feature in the span of those before it is recorded but adds no column.
///
/// With `costs` (`--costs`, `--budget`) each step picks by the `CostBudget` rule: scores are
/// the normalised correlations, gains the share of residual energy a feature would remove
/// (the squared score) above the 2 ln p / n the best of p noise features removes by chance;
/// the fit stops when no feature is affordable.
public struct OrthogonalMatchingPursuit: FeatureSelector {
    public var name: String { "omp" }
    /// Features picked first, in order.
    public var included: [Int]
    /// Feature costs and the budget; nil = picks by correlation alone.
    public var costs: CostBudget?
    /// A candidate whose squared distance to the span of the picked features is at most
    /// this fraction of its squared norm counts as (numerically) in that span.
    public var spanTolerance: Double
    /// How many leading candidates to record in `snapshots` before each pick (0 = none).
    public var snapshotSize: Int
    /// Largest dense copy of the split OMP makes (bytes); larger splits stream from the store.
    public var denseLimitBytes = OMPDesign.denseLimitBytes

    public init(spanTolerance: Double = 1e-6, snapshotSize: Int = 10, included: [Int] = [], costs: CostBudget? = nil) {
        self.included = included
        self.costs = costs
        self.spanTolerance = spanTolerance
        self.snapshotSize = snapshotSize
    }

    /// Residual energy (relative to the centred target's) below which the fit is exact.
    private static let residualFloor = 1e-12
    /// Normalised correlation below which no candidate explains the residual.
    private static let correlationFloor = 1e-6

    /// Runs OMP for `k` picks. Deterministic: `seed` and `stream` are not used.
    public func select(_ data: StandardizedData, target: Target, k: Int, seed: UInt64 = 0,
                       stream: [UInt64] = []) throws -> SelectionResult {
        try SelectionRequest.validate(data, target: target, k: k, included: included, costs: costs, method: name)
        let n = data.sampleCount, p = data.featureCount, candidates = data.candidateCount
        let (y, m) = Self.centredTargets(target)
        let x = OMPDesign(data, denseLimitBytes: denseLimitBytes)
        let norms = x.squaredColumnNorms()
        var available = (0 ..< p).map { $0 < candidates && norms[$0] > 0 && data.inverseScales[$0] != 0 }

        let targetEnergy = y.reduce(0) { $0 + $1 * $1 }
        var path = LeastSquaresPath(targets: y, width: m, rows: n, spanTolerance: spanTolerance)
        // Covariates start in the active set; one in the span of those before it (a level
        // absent from this split, a constant) adds nothing and is left out.
        for j in data.covariateColumns where norms[j] > 0 {
            _ = path.append(x.column(j))
        }
        path.refit()
        let covariateColumns = path.size
        var residualFloat = [Float](repeating: 0, count: n * m)
        var products = [Float](repeating: 0, count: p * m)
        var picks: [SelectionResult.Pick] = []
        var snapshots: [SelectionResult.AttentionSnapshot] = []
        var stopReason: String?
        var spent = costs?.cost(of: included) ?? 0

        for j in included {
            let energy = path.residualEnergy
            var score = 0.0
            if norms[j] > 0 && energy > 0 {
                for i in 0 ..< n * m { residualFloat[i] = Float(path.residual[i]) }
                x.correlate(residual: residualFloat, targets: m, into: &products)
                score = Self.normalisedScores(products, targets: m, norms: norms, energy: energy, available: available)[j]
            }
            if norms[j] > 0 && path.append(x.column(j)) { path.refit() }
            available[j] = false
            picks.append(.init(feature: j, score: max(score, 0), loss: path.residualEnergy / Double(n)))
        }
        while picks.count < k {
            let energy = path.residualEnergy
            if energy <= Self.residualFloor * targetEnergy || targetEnergy == 0 {
                stopReason = targetEnergy == 0
                    ? "the target is constant, so no feature can explain it"
                    : picks.isEmpty && covariateColumns > 0
                    ? "the covariates explain the target exactly, so no feature can add to them"
                    : "the least-squares fit is exact after \(picks.count) features (k exceeds the rank of the data)"
                break
            }
            for i in 0 ..< n * m { residualFloat[i] = Float(path.residual[i]) }
            x.correlate(residual: residualFloat, targets: m, into: &products)
            let scores = Self.normalisedScores(products, targets: m, norms: norms, energy: energy, available: available)
            if snapshotSize > 0 {
                snapshots.append(.init(step: picks.count, candidates: Self.leading(scores, count: snapshotSize)))
            }
            if let costs, costs.budget != nil, !(0 ..< candidates).contains(where: { scores[$0] >= 0 && costs.fits($0, spent: spent) }) {
                stopReason = costs.stopReason(picked: picks.count, spent: spent)
                break
            }
            guard let best = costs.map({ Self.budgetedPick(scores, candidates: candidates, samples: n, costs: $0, spent: spent) })
                    ?? Self.argmax(scores) else {
                stopReason = "every feature with nonzero variance is already selected (\(picks.count))"
                break
            }
            if scores[best] <= Self.correlationFloor {
                stopReason = "no remaining feature correlates with the residual after \(picks.count) features"
                break
            }
            guard path.append(x.column(best)) else {
                let span = covariateColumns > 0 ? "the covariates and the \(picks.count) selected features" : "the \(picks.count) selected features"
                stopReason = "feature \(best) is numerically a linear combination of \(span) (k exceeds the rank of the data)"
                break
            }
            available[best] = false
            path.refit()
            spent += costs?.costs[best] ?? 0
            picks.append(.init(feature: best, score: scores[best], loss: path.residualEnergy / Double(n)))
        }
        return SelectionResult(picks: picks, snapshots: snapshots, stopReason: stopReason)
    }

    /// The centred target as an n x m row-major block: `y − mean` (m = 1), or for C
    /// classes the centred indicators projected on the Helmert contrasts
    /// `q_k = (1, …, 1, −k, 0, …) / sqrt(k (k + 1))`, k = 1 ..< C (m = C − 1).
    static func centredTargets(_ target: Target) -> ([Double], Int) {
        switch target {
        case .values(let v):
            let mean = v.reduce(0.0) { $0 + Double($1) } / Double(max(1, v.count))
            return (v.map { Double($0) - mean }, 1)
        case .classes(let codes, let names):
            let classes = names.count, m = max(0, classes - 1), n = codes.count
            // Each class's share as the sum of its samples' 1/n, not count/n: the same bits as
            // the sum over the samples, so rankings do not move by a rounding.
            let share = target.classCounts.map { count in (0 ..< count).reduce(0.0) { s, _ in s + 1 / Double(n) } }
            // Helmert contrast k (1-based) has weight 1/s on classes 0 ..< k and −k/s on class k.
            func weight(_ c: Int, _ k: Int) -> Double {
                let s = (Double(k) * Double(k + 1)).squareRoot()
                return c < k ? 1 / s : (c == k ? -Double(k) / s : 0)
            }
            var y = [Double](repeating: 0, count: n * m)
            for (i, code) in codes.enumerated() {
                for k in 0 ..< m {
                    var v = 0.0
                    for c in 0 ..< classes { v += ((Int(code) == c ? 1 : 0) - share[c]) * weight(c, k + 1) }
                    y[i * m + k] = v
                }
            }
            return (y, m)
        }
    }

    /// `sqrt(Σ_c ⟨x_j, r_c⟩² / (‖x_j‖² ‖R‖²))` for available features, −1 for the others.
    private static func normalisedScores(_ products: [Float], targets m: Int, norms: [Double],
                                         energy: Double, available: [Bool]) -> [Double] {
        (0 ..< norms.count).map { j in
            guard available[j] else { return -1 }
            var s = 0.0
            for c in 0 ..< m { let v = Double(products[c * norms.count + j]); s += v * v }
            return (s / (norms[j] * energy)).squareRoot()
        }
    }

    /// The cost rule's pick among the available candidates (score ≥ 0), gains s² − 2 ln p / n.
    private static func budgetedPick(_ scores: [Double], candidates: Int, samples n: Int, costs: CostBudget,
                                     spent: Double) -> Int? {
        let s = Array(scores.prefix(candidates))
        let chance = CostBudget.chanceLevel(candidates: candidates) / Double(max(n, 1))
        let gains = s.map { $0 >= 0 ? max($0 * $0 - chance, 0) : 0 }
        return costs.pick(gains: gains, scores: s, available: s.map { $0 >= 0 }, spent: spent)
    }

    /// Index of the largest nonnegative score, the lowest index on ties.
    private static func argmax(_ scores: [Double]) -> Int? {
        var best: Int?
        for j in scores.indices where scores[j] >= 0 && (best == nil || scores[j] > scores[best!]) { best = j }
        return best
    }

    /// The `count` largest nonnegative scores, best first (lower index first on ties).
    private static func leading(_ scores: [Double], count: Int) -> [(feature: Int, weight: Double)] {
        var top: [(feature: Int, weight: Double)] = []
        for (j, s) in scores.enumerated() where s >= 0 {
            if top.count == count, s <= top[top.count - 1].weight { continue }
            var at = top.count
            while at > 0, top[at - 1].weight < s { at -= 1 }
            top.insert((j, s), at: at)
            if top.count > count { top.removeLast() }
        }
        return top
    }
}
