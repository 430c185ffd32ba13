import GSelIO

/// Where the matrix and the phenotype come from and how to decode them: the input half
/// of `RunParameters`. Paths are recorded but compared by checksum (`RunManifest`).
public struct InputParameters: Codable, Sendable, Equatable {
    /// The matrix file (format detected from its first bytes).
    public var path: String
    /// Phenotype file; nil when the label comes from the input (`labelKey`).
    public var labels: String?
    /// Sample id column of `labels` (name or 1-based index; nil = first, IID for PLINK files).
    public var sampleColumn: String?
    /// Label column of `labels` (name or 1-based index; nil = the only other column).
    public var labelColumn: String?
    /// A label stored in the input: h5ad obs column, loom col_attr, or HDF5 dataset path.
    public var labelKey: String?
    /// Group file for group selection (`feature_id group_id` rows).
    public var groups: String?
    /// Covariates every fit includes (nil = none).
    public var covariates: CovariateParameters?
    /// Genome-chunk scatter: the region and chunk the run selects from (nil = every feature).
    public var chunking: ChunkParameters?
    /// Classification or regression; nil = detected from the label column (`--task auto`).
    public var task: TaskKind?
    /// Orientation of a delimited or plain-HDF5 matrix; nil = detected.
    public var layout: MatrixLayout?
    /// Plain HDF5: the matrix dataset and optional id datasets.
    public var dataset: String?
    public var sampleIDs: String?
    public var featureIDs: String?
    /// loom or h5ad layer instead of the main matrix.
    public var layer: String?
    /// 10x: the feature type kept.
    public var featureType: String = "Gene Expression"
    /// VCF: the FORMAT field read.
    public var vcfField: VCFField = .genotype
    /// VCF QC: minimum minor-allele frequency and maximum missing fraction (nil = no filter).
    public var maf: Double?
    public var maxMissing: Double?
    /// Largest store the run may build (`--max-memory`); does not change results.
    public var memoryBudget: MemoryBudget = .unlimited

    public init(path: String) { self.path = path }

    /// `--task` as text: `auto` (nil: detected from the label column), `classification` or
    /// `regression`; anything else is a `ParameterError` naming `task`.
    public static func task(parsing text: String) throws -> TaskKind? {
        if text == "auto" { return nil }
        guard let task = TaskKind(rawValue: text) else {
            throw ParameterError("task", "expected auto, classification or regression; got '\(MessageText.value(text))'")
        }
        return task
    }

    /// The reader options these parameters describe.
    public func readerOptions(threads: Int) -> ReaderOptions {
        var o = ReaderOptions()
        o.layout = layout
        o.datasetPath = dataset
        o.sampleIDsPath = sampleIDs
        o.featureIDsPath = featureIDs
        o.layer = layer
        o.featureType = featureType
        o.vcfField = vcfField
        o.minMAF = maf
        o.maxMissing = maxMissing
        o.memoryBudget = memoryBudget
        o.threads = threads
        return o
    }

    /// Throws a `ParameterError` for values out of range or options that exclude each other.
    public func validate() throws {
        if labels != nil && labelKey != nil {
            throw ParameterError("label_key", "cannot be combined with labels; give a label file or a label key, not both")
        }
        try covariates?.validate()
        if let chunking {
            try chunking.validate()
            if groups != nil {
                throw ParameterError(chunking.region != nil ? "region" : "chunks", "cannot be combined with --groups: a group may span chunks; select groups without chunking")
            }
        }
        if let maf, !(0 ... 0.5).contains(maf) { throw ParameterError("maf", "must be between 0 and 0.5; got \(maf)") }
        if let maxMissing, !(0 ... 1).contains(maxMissing) {
            throw ParameterError("max_missing", "must be between 0 and 1; got \(maxMissing)")
        }
    }
}
