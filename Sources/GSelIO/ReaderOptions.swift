/// How an input is decoded: the settings a run records (GSelPipeline's `InputParameters`
/// holds them, run.json and the fit manifest write them under these names), declared here
/// once with their defaults. Every reader ignores what does not apply to it.
public struct DecodingSettings: Codable, Sendable, Equatable {
    /// Forced orientation of a delimited or plain-HDF5 matrix (`--layout`); nil = detected.
    public var layout: MatrixLayout?
    /// Plain HDF5: path of the matrix dataset (`--dataset`).
    public var dataset: String?
    /// Plain HDF5: paths of the sample and feature id datasets (`--sample-ids`,
    /// `--feature-ids`); nil = generated ids (`sample_1 ...`, `feature_1 ...`).
    public var sampleIDs: String?
    public var featureIDs: String?
    /// loom or h5ad layer instead of the main matrix (`--layer`).
    public var layer: String?
    /// 10x: the feature type kept (`--feature-type`; `all` keeps every type).
    public var featureType = "Gene Expression"
    /// VCF: the FORMAT field read (`--vcf-field`).
    public var vcfField = VCFField.genotype
    /// VCF QC: minimum minor-allele frequency and maximum missing fraction of a variant
    /// (`--maf`, `--max-missing`; nil = no filter).
    public var maf: Double?
    public var maxMissing: Double?
    /// Memory for the store (`--max-memory`): a dense store beyond it goes to an on-disk
    /// cache (`DiskBackedMatrix`), a sparse one is refused. Does not change what is read.
    public var memoryBudget = MemoryBudget.unlimited

    public init() {}

    /// Throws a `ParameterError` for a QC threshold out of range.
    public func validate() throws {
        if let maf, !(0 ... 0.5).contains(maf) { throw ParameterError("maf", "must be between 0 and 0.5; got \(maf)") }
        if let maxMissing, !(0 ... 1).contains(maxMissing) {
            throw ParameterError("max_missing", "must be between 0 and 1; got \(maxMissing)")
        }
    }
}

/// What a reader is given: the recorded `DecodingSettings` and what only this process
/// knows (threads, the label file's sample ids).
public struct ReaderOptions: Sendable {
    public var decoding: DecodingSettings
    /// Sample ids of the label file, used to detect orientation of delimited input.
    public var labelSampleIDs: Set<String>?
    /// Threads a reader may use (BGZF inflation).
    public var threads: Int

    public init(decoding: DecodingSettings = DecodingSettings(), threads: Int = 1) {
        self.decoding = decoding
        self.threads = threads
    }
}

/// Orientation of a matrix file.
public enum MatrixLayout: String, Sendable, CaseIterable, Codable {
    case samplesByFeatures = "samples-by-features"
    case featuresBySamples = "features-by-samples"
}
