extension ReportModel {
    /// Held-out metrics of one method using its top `k` features (one line of evaluation.tsv).
    public struct EvaluationRow: Sendable {
        /// Method name, e.g. "gsel" or "marginal".
        public var method: String
        /// Number of top features used (k').
        public var k: Int
        /// Metric name and value in display order, e.g. ("accuracy", 0.94), ("AUROC", 0.98), ("R²", 0.41).
        public var metrics: [(name: String, value: Double)]
        /// 95 % interval per metric name, where one was computed.
        public var intervals: [String: ClosedRange<Double>]
        /// What the k′ features cost together (`--costs`); nil without costs.
        public var cost: Double?
        /// On its method's cost–metric Pareto front (no cheaper prefix scores as well).
        public var paretoFront = false

        public init(method: String, k: Int, metrics: [(name: String, value: Double)],
                    intervals: [String: ClosedRange<Double>] = [:]) {
            self.method = method
            self.k = k
            self.metrics = metrics
            self.intervals = intervals
        }
    }
}
