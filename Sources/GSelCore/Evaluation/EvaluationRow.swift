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
    /// 95 % Wilson score interval of `accuracy`.
    public var accuracyInterval: MetricInterval?
    /// 95 % percentile-bootstrap intervals (`HeldOutBootstrap`) of the other metrics.
    public var balancedAccuracyInterval: MetricInterval?
    public var aurocInterval: MetricInterval?
    public var r2Interval: MetricInterval?
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
    }

    /// The value of `metric`, nil when not reported for this task.
    public func value(_ metric: HeldOutMetric) -> Double? {
        switch metric {
        case .accuracy: return accuracy
        case .balancedAccuracy: return balancedAccuracy
        case .auroc: return auroc
        case .r2: return r2
        }
    }

    /// The 95 % interval of `metric`, nil when the metric is not reported.
    public func interval(_ metric: HeldOutMetric) -> MetricInterval? {
        switch metric {
        case .accuracy: return accuracyInterval
        case .balancedAccuracy: return balancedAccuracyInterval
        case .auroc: return aurocInterval
        case .r2: return r2Interval
        }
    }
}
