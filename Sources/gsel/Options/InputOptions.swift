import ArgumentParser
import Foundation
import GSelIO
import GSelPipeline

/// Where the matrix and the phenotype come from, and how to decode them.
struct InputOptions: ParsableArguments {
    private static let defaults = DecodingSettings()

    @Option(name: .long, help: "Input matrix: .h5ad, 10x .h5, .loom, HDF5 (with --dataset), .tsv/.csv[.gz], .vcf[.gz] (format read from the file's first bytes).")
    var input: String

    @Option(name: .long, help: "Phenotype file (TSV/CSV/whitespace; PLINK FID IID pheno... accepted).")
    var labels: String?

    @Option(name: .customLong("sample-col"), help: "Sample id column of --labels (name or 1-based index; default: first column, IID for PLINK files).")
    var sampleColumn: String?

    @Option(name: .customLong("label-col"), help: "Label column of --labels (name or 1-based index; default: the only other column).")
    var labelColumn: String?

    @Option(name: .customLong("label-key"), help: "Label from the input file itself: h5ad obs column, loom col_attr, or HDF5 dataset path.")
    var labelKey: String?

    @Option(name: .long, help: "Group selection: file of feature_id group_id rows (TSV/CSV/whitespace, header optional); whole groups are scored and picked, k counts groups.")
    var groups: String?

    @Option(name: .long, help: "Covariates in every fit, never ranked (age, sex, batch, PCs): TSV/CSV/whitespace with a sample id column, or PLINK FID IID / #FID IID / #IID (.eigenvec as is). Numeric columns are standardized, text columns one-hot against their first sorted level. Samples without every covariate are dropped and counted.")
    var covariates: String?

    @Option(name: .customLong("covariate-cols"), help: "Columns of --covariates, comma-separated names or 1-based indices (default: every column but the sample ids).", transform: Self.names)
    var covariateColumns: [String]?

    @Option(name: .customLong("covariate-keys"), help: "Covariates from the input itself, comma-separated: h5ad obs columns or loom col_attrs.", transform: Self.names)
    var covariateKeys: [String]?

    @Option(name: .customLong("categorical-covariates"), help: "Covariates to one-hot encode although their values are numbers (batch 1, 2, 3), comma-separated.", transform: Self.names)
    var categoricalCovariates: [String]?

    @Flag(name: .customLong("covariates-required"), help: "Refuse labelled samples without every covariate instead of dropping them.")
    var covariatesRequired = false

    @Option(name: .long, help: "Task: auto (detected from the label column), classification or regression. (default: auto)",
            transform: { try CommandRunner.parse($0, InputParameters.task(parsing:)) })
    var task: TaskKind? = nil

    @Option(name: .long, help: "Matrix orientation: samples-by-features or features-by-samples (default: detected).")
    var layout: MatrixLayout?

    @Option(name: .long, help: "Plain HDF5: path of the 2-D matrix dataset.")
    var dataset: String?

    @Option(name: .customLong("sample-ids"), help: "Plain HDF5: path of the sample id dataset.")
    var sampleIDs: String?

    @Option(name: .customLong("feature-ids"), help: "Plain HDF5: path of the feature id dataset.")
    var featureIDs: String?

    @Option(name: .long, help: "loom or h5ad: layer to read instead of the main matrix.")
    var layer: String?

    @Option(name: .customLong("feature-type"), help: "10x: feature type to keep.")
    var featureType = defaults.featureType

    @Option(name: .customLong("vcf-field"), help: "VCF: GT (dosage from genotypes) or DS.")
    var vcfField = defaults.vcfField

    @Option(name: .long, parsing: .unconditional, help: "VCF: drop variants with minor-allele frequency below this.")
    var maf: Double?

    @Option(name: .customLong("max-missing"), parsing: .unconditional, help: "VCF: drop variants with a larger fraction of missing calls.")
    var maxMissing: Double?

    @Option(name: .customLong("max-memory"), parsing: .unconditional, help: "Memory for the matrix store and each fit's network (e.g. 4G, 500M; a number without a unit is bytes): a dense store larger than this is cached on disk in TMPDIR and streamed; a sparse one, or a network larger than this, is refused. Ids and variant positions may take 256 MiB more.",
            transform: { text in
                guard let budget = MemoryBudget(parsing: text) else {
                    throw ValidationError("--max-memory: expected a size like 800M, 4G or 1.5T; got '\(text)'")
                }
                return budget
            })
    var maxMemory: MemoryBudget?

    /// How the input is decoded (`DecodingSettings`, where the defaults are declared).
    var decoding: DecodingSettings {
        var d = DecodingSettings()
        d.layout = layout
        d.dataset = dataset
        d.sampleIDs = sampleIDs
        d.featureIDs = featureIDs
        d.layer = layer
        d.featureType = featureType
        d.vcfField = vcfField
        d.maf = maf
        d.maxMissing = maxMissing
        d.memoryBudget = maxMemory ?? d.memoryBudget
        return d
    }

    /// The input half of the run parameters.
    var parameters: InputParameters {
        var p = InputParameters(path: input)
        p.labels = labels
        p.sampleColumn = sampleColumn
        p.labelColumn = labelColumn
        p.labelKey = labelKey
        p.groups = groups
        if covariates != nil || covariateKeys != nil || covariateColumns != nil || categoricalCovariates != nil || covariatesRequired {
            var c = CovariateParameters(file: covariates, keys: covariateKeys)
            c.columns = covariateColumns
            c.categorical = categoricalCovariates
            c.required = covariatesRequired
            p.covariates = c
        }
        p.task = task
        p.decoding = decoding
        return p
    }
}

extension InputOptions {
    /// A comma-separated list of names, blanks around each name dropped.
    static func names(_ text: String) -> [String] {
        text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

extension MatrixLayout: ExpressibleByArgument {}

extension VCFField: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
