import CBLAS
import GSelIO

/// Held-out evaluation of feature rankings: for each ranking and each k', a fresh
/// model is fitted on the training split using only the ranking's first k'
/// features and scored on the validation split. Models: `LogisticRegressionModel`
/// (C = 1, fitted as scikit-learn's defaults fit it) for classification,
/// `RidgeRegressionModel` (α = 1) for regression, on features standardized with
/// training statistics. Rankings of feature groups are evaluated with all members of
/// the first k' groups. The refits are independent (each starts from zero, as
/// scikit-learn's), so they run in parallel on `threads` threads, each with one BLAS
/// thread: the rows do not depend on the thread count. Deterministic. Each row carries
/// 95 % intervals of its metrics (Wilson for accuracy, `HeldOutBootstrap` for the others).
///
/// With covariates (a `CovariateMatrix`), every refit includes them as further inputs, and
/// a last row, method `covariates` with k' = 0, scores the covariates alone: the gap above
/// it is what the selected features add.
public enum HeldOutEvaluation {
    /// Method name of the row that scores the covariates alone.
    public static let covariatesOnly = "covariates"

    /// The k' values reported for a ranking of length `k`: 1, 2, 5, 10, 20, 50, 100, …
    /// up to `k`, plus `k` itself.
    public static func kGrid(upTo k: Int) -> [Int] {
        guard k >= 1 else { return [] }
        var grid: [Int] = []
        var decade = 1
        outer: while true {
            for step in [1, 2, 5] {
                let value = step * decade
                if value >= k { break outer }
                grid.append(value)
            }
            decade *= 10
        }
        return grid + [k]
    }

    /// The k' values for rankings with costs (`--costs`): every k' up to `dense`, for the
    /// cost curve, then `kGrid(upTo:)`'s.
    public static func costGrid(upTo k: Int, dense: Int = 20) -> [Int] {
        Array(Set(Array(1 ... max(1, min(k, dense))) + kGrid(upTo: k))).filter { $0 <= k }.sorted()
    }

    /// Rows on the cost–metric Pareto front among `points` (cost, metric; higher is better):
    /// no other point costs at most as much and scores at least as well, one of them strictly.
    /// A point without a metric is never on it.
    public static func paretoFront(_ points: [(cost: Double, value: Double?)]) -> [Bool] {
        points.map { p in
            guard let v = p.value, v.isFinite else { return false }
            return !points.contains { q in
                guard let w = q.value, w.isFinite else { return false }
                return q.cost <= p.cost && w >= v && (q.cost < p.cost || w > v)
            }
        }
    }

    /// Evaluates `orders` (method name and ranked feature columns, in report order).
    /// `train` and `validation` are the two splits (standardized with the training
    /// statistics), `trainTarget`/`validationTarget` their targets. `kValues` defaults
    /// to `kGrid(upTo:)` of the longest ranking; a ranking shorter than some k' (a
    /// selector that stopped early) is evaluated up to its own length, which is then
    /// added as its last point. Rows come out by method (in `orders` order), then k', then
    /// the covariates-only row when there are covariates.
    /// Throws an `InputError` when a class has fewer than 2 training samples or a ranking
    /// names a feature out of range, a `ParameterError` when the validation split is empty.
    public static func evaluate(train: StandardizedData, trainTarget: Target,
                                validation: StandardizedData, validationTarget: Target,
                                orders: [(method: String, features: [Int])],
                                kValues: [Int]? = nil, threads: Int = 1) throws -> [EvaluationRow] {
        try evaluate(train: train, trainTarget: trainTarget, validation: validation, validationTarget: validationTarget,
                     groupedOrders: orders.map { (method: $0.method, groups: $0.features.map { [$0] }) },
                     kValues: kValues, threads: threads)
    }

    /// `evaluate(orders:)` for rankings of feature groups (`--groups`): k' counts groups,
    /// and the model for k' uses every member feature of the ranking's first k' groups.
    public static func evaluate(train: StandardizedData, trainTarget: Target,
                                validation: StandardizedData, validationTarget: Target,
                                groupedOrders orders: [(method: String, groups: [[Int]])],
                                kValues: [Int]? = nil, threads: Int = 1) throws -> [EvaluationRow] {
        guard trainTarget.count == train.sampleCount, validationTarget.count == validation.sampleCount else {
            throw InputError(file: "", "evaluation: the targets do not match the training (\(train.sampleCount)) and validation (\(validation.sampleCount)) samples")
        }
        guard trainTarget.isClassification == validationTarget.isClassification else {
            throw InputError(file: "", "evaluation: the training and validation targets are of different kinds")
        }
        guard validation.sampleCount > 0 else {
            throw ParameterError("validation_fraction", "leaves the validation split empty; evaluation needs validation samples")
        }
        try ClassCountCheck.require(trainTarget)
        for (method, groups) in orders {
            if let bad = groups.joined().first(where: { $0 < 0 || $0 >= train.candidateCount }) {
                throw InputError(file: "", "evaluation: ranking '\(method)' names feature \(bad), but there are \(train.candidateCount) features")
            }
        }
        let covariates = Array(train.covariateColumns)
        let longest = orders.map(\.groups.count).max() ?? 0
        let grid = (kValues ?? kGrid(upTo: longest)).filter { $0 >= 1 }
        var refits: [(method: String, k: Int, features: [Int])] = []
        for (method, groups) in orders {
            var ks = grid.filter { $0 <= groups.count }
            if let top = grid.max(), groups.count < top, !groups.isEmpty, !ks.contains(groups.count) {
                ks.append(groups.count)
            }
            refits += ks.map { (method: method, k: $0, features: Array(groups.prefix($0).joined()) + covariates) }
        }
        if !covariates.isEmpty { refits.append((method: covariatesOnly, k: 0, features: covariates)) }
        // Largest refits first, so that the last ones to finish are short; rows keep the refit order.
        let schedule = refits.indices.sorted { refits[$0].features.count > refits[$1].features.count }
        gsel_blas_set_threads(1)
        return concurrentMap(count: refits.count, threads: threads, schedule: schedule) { [refits] i in
            score(method: refits[i].method, k: refits[i].k,
                  train: DesignMatrix(train, features: refits[i].features), trainTarget: trainTarget,
                  validation: DesignMatrix(validation, features: refits[i].features), validationTarget: validationTarget)
        }
    }

    /// Convenience for a literal list: `orders: ["sa": saOrder, "marginal": marginalOrder]`
    /// (the literal's order is kept).
    public static func evaluate(train: StandardizedData, trainTarget: Target,
                                validation: StandardizedData, validationTarget: Target,
                                orders: KeyValuePairs<String, [Int]>,
                                kValues: [Int]? = nil, threads: Int = 1) throws -> [EvaluationRow] {
        try evaluate(train: train, trainTarget: trainTarget, validation: validation,
                     validationTarget: validationTarget,
                     orders: orders.map { (method: $0.key, features: $0.value) }, kValues: kValues, threads: threads)
    }

    /// Fits one model on `train` and scores its predictions on `validation` (metrics and
    /// their 95 % intervals, `EvaluationRow.init(method:k:predictions:)`).
    static func score(method: String, k: Int, train: DesignMatrix, trainTarget: Target,
                      validation: DesignMatrix, validationTarget: Target) -> EvaluationRow {
        switch (trainTarget, validationTarget) {
        case (.classes(let codes, let names), .classes(let truth, _)):
            let model = LogisticRegressionModel(fitting: train, classes: codes, classCount: names.count)
            var scores: [Double]?
            if names.count == 2 {
                let p = model.probabilities(validation)
                scores = (0 ..< validation.rowCount).map { p[$0 * 2 + 1] }
            }
            return EvaluationRow(method: method, k: k,
                                 predictions: .classes(truth: truth, predicted: model.predict(validation), positiveScores: scores))
        case (.values(let y), .values(let truth)):
            let model = RidgeRegressionModel(fitting: train, targets: y.map(Double.init))
            return EvaluationRow(method: method, k: k,
                                 predictions: .values(truth: truth.map(Double.init), predicted: model.predict(validation)))
        default:
            preconditionFailure("unreachable: target kinds are checked in evaluate")
        }
    }
}
