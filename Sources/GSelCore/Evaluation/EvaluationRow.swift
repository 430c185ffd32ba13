/// Held-out performance of one ranking's top `k` features, refitted on the training split.
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

    public init(method: String, k: Int, accuracy: Double? = nil, balancedAccuracy: Double? = nil,
                auroc: Double? = nil, r2: Double? = nil) {
        self.method = method; self.k = k
        self.accuracy = accuracy; self.balancedAccuracy = balancedAccuracy
        self.auroc = auroc; self.r2 = r2
    }
}
