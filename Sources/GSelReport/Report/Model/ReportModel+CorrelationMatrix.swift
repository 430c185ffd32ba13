extension ReportModel {
    /// Pearson correlations between selected features (square, symmetric, values in [-1, 1]).
    public struct CorrelationMatrix: Sendable, Equatable {
        /// Feature names, one per row/column.
        public var names: [String]
        /// `values[i][j]` = correlation of feature i with feature j; NaN when undefined.
        public var values: [[Double]]

        public init(names: [String], values: [[Double]]) {
            self.names = names
            self.values = values
        }
    }
}
