/// What a reader produces: the matrix in its compact store, the ids on both axes,
/// and whatever per-sample annotations the file carries (h5ad obs, loom col_attrs)
/// for `--label-key`.
public struct LoadedMatrix: Sendable {
    /// The input format.
    public var kind: InputFormat
    /// Format name as shown to users: "tsv", "h5ad", "10x-h5-v3", "loom", "hdf5", "vcf".
    public var format: String
    public var sampleIDs: [String]
    public var features: [FeatureInfo]
    public var matrix: any FeatureMatrix
    /// Per-sample annotation columns (nil = missing), keyed by name.
    public var sampleAnnotations: [String: [String?]]
    /// Counts reported in logs and run.json (e.g. "qc_monomorphic_removed": 1014).
    public var counters: [String: Int]
    /// Free-text notes for logs (e.g. "layout detected: features-by-samples").
    public var notes: [String]

    public init(kind: InputFormat, format: String, sampleIDs: [String], features: [FeatureInfo], matrix: any FeatureMatrix,
                sampleAnnotations: [String: [String?]] = [:], counters: [String: Int] = [:], notes: [String] = []) {
        precondition(sampleIDs.count == matrix.rowCount && features.count == matrix.columnCount,
                     "LoadedMatrix: ids do not match matrix shape")
        self.kind = kind
        self.format = format
        self.sampleIDs = sampleIDs
        self.features = features
        self.matrix = matrix
        self.sampleAnnotations = sampleAnnotations
        self.counters = counters
        self.notes = notes
    }
}
