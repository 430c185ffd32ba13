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
    /// How the matrix is decoded (orientation, datasets, layer, 10x feature type, VCF field
    /// and QC, memory budget): GSelIO's `DecodingSettings`, declared and defaulted there,
    /// encoded beside the fields above under its own names (`maf`, `vcf_field`, ...), as
    /// run.json and the fit manifest have always had them.
    public var decoding = DecodingSettings()

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

    /// The reader options of these parameters for a reader using `threads`.
    public func readerOptions(threads: Int) -> ReaderOptions { ReaderOptions(decoding: decoding, threads: threads) }

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
        try decoding.validate()
    }

    // Coding: the fields above, then `decoding`'s in the same object (no nested key).
    private enum CodingKeys: String, CodingKey {
        case path, labels, sampleColumn, labelColumn, labelKey, groups, covariates, chunking, task
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        labels = try c.decodeIfPresent(String.self, forKey: .labels)
        sampleColumn = try c.decodeIfPresent(String.self, forKey: .sampleColumn)
        labelColumn = try c.decodeIfPresent(String.self, forKey: .labelColumn)
        labelKey = try c.decodeIfPresent(String.self, forKey: .labelKey)
        groups = try c.decodeIfPresent(String.self, forKey: .groups)
        covariates = try c.decodeIfPresent(CovariateParameters.self, forKey: .covariates)
        chunking = try c.decodeIfPresent(ChunkParameters.self, forKey: .chunking)
        task = try c.decodeIfPresent(TaskKind.self, forKey: .task)
        decoding = try DecodingSettings(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encodeIfPresent(labels, forKey: .labels)
        try c.encodeIfPresent(sampleColumn, forKey: .sampleColumn)
        try c.encodeIfPresent(labelColumn, forKey: .labelColumn)
        try c.encodeIfPresent(labelKey, forKey: .labelKey)
        try c.encodeIfPresent(groups, forKey: .groups)
        try c.encodeIfPresent(covariates, forKey: .covariates)
        try c.encodeIfPresent(chunking, forKey: .chunking)
        try c.encodeIfPresent(task, forKey: .task)
        try decoding.encode(to: encoder)
    }
}
