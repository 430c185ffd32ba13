import GSelIO
/// Covariates that every fit includes and none ranks (age, sex, batch, ancestry PCs):
/// read from a covariate file or from per-sample annotations of the input. Part of
/// `InputParameters`; nil there when a run has no covariates, so such runs keep the
/// parameters (and fingerprint) they had before covariates existed.
public struct CovariateParameters: Codable, Sendable, Equatable {
    /// Covariate file (TSV/CSV/whitespace, plain or gzip; a sample id column, or PLINK's
    /// `FID IID ...` / `#FID IID ...` / `#IID ...`, so `.eigenvec` files work as they are).
    /// Recorded, but compared by checksum (`RunManifest`).
    public var file: String?
    /// Columns of `file` (names or 1-based indices); nil = every column but the sample ids
    /// (and the label column when the labels come from the same file).
    public var columns: [String]?
    /// Per-sample annotations of the input used as covariates (h5ad obs, loom col_attrs).
    public var keys: [String]?
    /// Covariates to encode as categories although their values are numbers (batch 1, 2, 3).
    public var categorical: [String]?
    /// Refuse a labelled sample without every covariate instead of dropping it.
    public var required = false

    public init(file: String? = nil, keys: [String]? = nil) {
        self.file = file
        self.keys = keys
    }

    /// Throws a `ParameterError` when the source is missing or ambiguous.
    public func validate() throws {
        if file != nil && keys != nil {
            throw ParameterError("covariate_keys", "cannot be combined with --covariates; take covariates from a file or from the input, not both")
        }
        if file == nil && keys == nil {
            let given = columns != nil ? "covariate_cols" : categorical != nil ? "categorical_covariates" : "covariates_required"
            throw ParameterError(given, "needs covariates: give --covariates FILE or --covariate-keys NAMES")
        }
        if columns != nil && file == nil {
            throw ParameterError("covariate_cols", "selects columns of a covariate file; with --covariate-keys list the keys instead")
        }
        for (name, list) in [("covariate_cols", columns), ("covariate_keys", keys), ("categorical_covariates", categorical)] {
            if let list, list.isEmpty || list.contains(where: \.isEmpty) {
                throw ParameterError(name, "expects comma-separated names; got an empty name")
            }
        }
    }
}
