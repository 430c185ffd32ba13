/// Options that steer how an input is decoded. Every reader ignores what does not apply to it.
public struct ReaderOptions: Sendable {
    /// Forced orientation of a delimited or plain-HDF5 matrix; nil = auto-detect.
    public var layout: MatrixLayout?
    /// Sample ids of the label file, used to detect orientation of delimited input.
    public var labelSampleIDs: Set<String>?
    /// HDF5 dataset path of the matrix for plain HDF5 (`--dataset`).
    public var datasetPath: String?
    /// Optional HDF5 paths of sample / feature id datasets for plain HDF5.
    public var sampleIDsPath: String?
    public var featureIDsPath: String?
    /// loom layer (`--layer`); nil = /matrix.
    public var layer: String?
    /// 10x feature type to keep (`--feature-type`).
    public var featureType: String = "Gene Expression"
    /// VCF FORMAT field to read.
    public var vcfField = VCFField.genotype
    /// VCF QC: minimum minor-allele frequency, maximum missing fraction (nil = no filter).
    public var minMAF: Double?
    public var maxMissing: Double?
    /// Refuse to build a store larger than this (`--max-memory`).
    public var memoryBudget = MemoryBudget.unlimited
    /// Threads a reader may use (BGZF inflation).
    public var threads: Int = 1

    public init() {}
}

/// Orientation of a matrix file.
public enum MatrixLayout: String, Sendable, CaseIterable, Codable {
    case samplesByFeatures = "samples-by-features"
    case featuresBySamples = "features-by-samples"
}
