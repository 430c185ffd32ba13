/// Covariates turned into model columns for the samples a run uses (`CovariateTable.encode`).
/// Numeric covariates are kept as numbers (selection standardizes them with the training
/// statistics, like the features); categorical ones (text, or listed with
/// `--categorical-covariates`) are one-hot encoded against a reference level, the first
/// level in sorted order (numeric order when every level is a number), as R's and
/// patsy's treatment coding do, so the reference is the same in every run and split.
public struct EncodedCovariates: Sendable {
    public enum Kind: String, Sendable, Codable {
        case numeric, categorical
    }

    /// One covariate and the model columns it became.
    public struct Covariate: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        /// Categorical: every level present, sorted; the first is the reference (no column).
        public var levels: [String]
        /// Model column names: the covariate's name, or `name=level` per non-reference level.
        public var columns: [String]

        /// The level every other level is compared with (categorical only).
        public var reference: String? { kind == .categorical ? levels.first : nil }

        /// How the covariate enters the models, for people.
        public var encoding: String {
            switch kind {
            case .numeric: return "numeric, standardized with the training mean and sd"
            case .categorical:
                return "categorical, \(levels.count) levels, one-hot against reference level '\(levels[0])'"
            }
        }
    }

    /// The covariate file, or `input:key,...` for annotations.
    public let source: String
    public let covariates: [Covariate]
    /// Matrix rows covered by `values`.
    public let rowCount: Int
    /// Column-major values: `values[c * rowCount + row]` for model column `c` and matrix row
    /// `row`; NaN for rows not in `rows`.
    public let values: [Float]
    /// The labelled matrix rows with every covariate present, ascending.
    public let rows: [Int]
    /// Labelled samples without a covariate row, and with a missing covariate value (dropped).
    public let samplesNotInCovariates: Int
    public let samplesWithMissingCovariate: Int
    /// Sentences for the log.
    public let notes: [String]

    /// Model column names, in order.
    public var columnNames: [String] { covariates.flatMap(\.columns) }
    public var columnCount: Int { covariates.reduce(0) { $0 + $1.columns.count } }
    /// Labelled samples dropped for lack of covariate values.
    public var droppedSamples: Int { samplesNotInCovariates + samplesWithMissingCovariate }

    /// The covariate a model column belongs to.
    public func covariate(ofColumn c: Int) -> Covariate {
        var start = 0
        for covariate in covariates {
            if c < start + covariate.columns.count { return covariate }
            start += covariate.columns.count
        }
        preconditionFailure("covariate column \(c) out of range")
    }
}
