/// Held-out performance of one ranking's top `k` features, refitted on the training split,
/// with a 95 % interval per metric (`init(method:k:predictions:)`).
public struct EvaluationRow: Sendable, Equatable, Codable {
    /// The ranking's method name ("sa", "omp", "marginal").
    public var method: String
    /// Number of leading features used.
    public var k: Int
    /// Classification: fraction of validation samples classified correctly.
    public var accuracy: Double?
    /// Classification: mean per-class recall over the classes in the validation split.
    public var balancedAccuracy: Double?
    /// Binary classification: area under the ROC curve of P(second class); nil when
    /// the validation split holds only one class.
    public var auroc: Double?
    /// Regression: coefficient of determination on the validation split.
    public var r2: Double?
    /// Classification: mean per-class F1 over the classes in the validation truth or predictions.
    public var macroF1: Double?
    /// 95 % Wilson score interval of `accuracy`.
    public var accuracyInterval: MetricInterval?
    /// 95 % percentile-bootstrap intervals (`HeldOutBootstrap`) of the other metrics.
    public var balancedAccuracyInterval: MetricInterval?
    public var aurocInterval: MetricInterval?
    public var r2Interval: MetricInterval?
    public var macroF1Interval: MetricInterval?
    /// The refit model's validation predictions the metrics were computed from (for paired comparisons).
    public var predictions: HeldOutPredictions?

    public init(method: String, k: Int, accuracy: Double? = nil, balancedAccuracy: Double? = nil,
                auroc: Double? = nil, r2: Double? = nil) {
        self.method = method; self.k = k
        self.accuracy = accuracy; self.balancedAccuracy = balancedAccuracy
        self.auroc = auroc; self.r2 = r2
    }

    /// Scores `predictions`: the metrics of the task (`Metrics`), the Wilson interval of
    /// accuracy and bootstrap intervals of the others.
    public init(method: String, k: Int, predictions: HeldOutPredictions) {
        self.init(method: method, k: k)
        self.predictions = predictions
        switch predictions {
        case .classes(let truth, let predicted, let scores):
            accuracy = Metrics.accuracy(truth: truth, predicted: predicted)
            balancedAccuracy = Metrics.balancedAccuracy(truth: truth, predicted: predicted)
            macroF1 = Metrics.macroF1(truth: truth, predicted: predicted)
            auroc = scores.flatMap { Metrics.auroc(positive: truth.map { $0 == 1 }, scores: $0) }
            accuracyInterval = Metrics.wilson(correct: zip(truth, predicted).filter { $0 == $1 }.count, total: truth.count)
        case .values(let truth, let predicted):
            r2 = Metrics.r2(truth: truth, predicted: predicted)
        }
        let resampled = HeldOutMetric.allCases.filter { $0 != .accuracy && value($0)?.isFinite == true }
        let intervals = HeldOutBootstrap.intervals(of: predictions, metrics: resampled, method: method, k: k)
        balancedAccuracyInterval = intervals[.balancedAccuracy]
        aurocInterval = intervals[.auroc]
        r2Interval = intervals[.r2]
        macroF1Interval = intervals[.macroF1]
    }

    /// Recall, precision, F1 and support per class `0 ..< classCount` on the validation
    /// split (`Metrics.perClass`); nil for regression or without predictions.
    public func perClass(classCount: Int) -> [ClassMetrics]? {
        guard case .classes(let truth, let predicted, _) = predictions else { return nil }
        return Metrics.perClass(truth: truth, predicted: predicted, classCount: classCount)
    }

    /// Validation counts by true class (rows) and predicted class (columns); nil for
    /// regression or without predictions.
    public func confusion(classCount: Int) -> [[Int]]? {
        guard case .classes(let truth, let predicted, _) = predictions else { return nil }
        return Metrics.confusion(truth: truth, predicted: predicted, classCount: classCount)
    }

    /// The value of `metric`, nil when not reported for this task.
    public func value(_ metric: HeldOutMetric) -> Double? {
        switch metric {
        case .accuracy: return accuracy
        case .balancedAccuracy: return balancedAccuracy
        case .auroc: return auroc
        case .r2: return r2
        case .macroF1: return macroF1
        }
    }

    /// The 95 % interval of `metric`, nil when the metric is not reported.
    public func interval(_ metric: HeldOutMetric) -> MetricInterval? {
        switch metric {
        case .accuracy: return accuracyInterval
        case .balancedAccuracy: return balancedAccuracyInterval
        case .auroc: return aurocInterval
        case .r2: return r2Interval
        case .macroF1: return macroF1Interval
        }
    }
}
