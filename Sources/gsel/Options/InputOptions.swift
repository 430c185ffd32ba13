import Foundation
import ArgumentParser
import GSelIO

/// Where the matrix and the phenotype come from, and how to decode them.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "Input matrix: .h5ad, 10x .h5, .loom, .h5/.hdf5 (with --dataset), .tsv/.csv[.gz], .vcf[.gz].")
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

    @Option(name: .long, help: "Task: auto, classification or regression.")
    var task: TaskChoice = .auto

    @Option(name: .long, help: "Matrix orientation: samples-by-features or features-by-samples (default: detected).")
    var layout: MatrixLayout?

    @Option(name: .long, help: "Plain HDF5: path of the 2-D matrix dataset.")
    var dataset: String?

    @Option(name: .customLong("sample-ids"), help: "Plain HDF5: path of the sample id dataset.")
    var sampleIDs: String?

    @Option(name: .customLong("feature-ids"), help: "Plain HDF5: path of the feature id dataset.")
    var featureIDs: String?

    @Option(name: .long, help: "loom: layer to read instead of /matrix.")
    var layer: String?

    @Option(name: .customLong("feature-type"), help: "10x: feature type to keep.")
    var featureType: String = "Gene Expression"

    @Option(name: .customLong("vcf-field"), help: "VCF: GT (dosage from genotypes) or DS.")
    var vcfField: String = "GT"

    @Option(name: .long, help: "VCF: drop variants with minor-allele frequency below this.")
    var maf: Double?

    @Option(name: .customLong("max-missing"), help: "VCF: drop variants with a larger fraction of missing calls.")
    var maxMissing: Double?

    @Option(name: .customLong("max-memory"), help: "Refuse to build a store larger than this (e.g. 4G, 500M).")
    var maxMemory: String?

    func validate() throws {
        if labels != nil && labelKey != nil { throw ValidationError("give either --labels or --label-key, not both") }
        if let m = maf, !(0 ... 0.5).contains(m) { throw ValidationError("--maf must be between 0 and 0.5; got \(m)") }
        if let m = maxMissing, !(0 ... 1).contains(m) { throw ValidationError("--max-missing must be between 0 and 1; got \(m)") }
        if !["GT", "DS"].contains(vcfField) { throw ValidationError("--vcf-field must be GT or DS; got \(vcfField)") }
        if let s = maxMemory, ByteSize.parse(s) == nil { throw ValidationError("--max-memory: expected a size like 800M or 4G; got '\(s)'") }
    }

    func readerOptions(threads: Int) -> ReaderOptions {
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
        o.maxMemoryBytes = maxMemory.flatMap(ByteSize.parse)
        o.threads = threads
        return o
    }
}

/// `--task` values.
enum TaskChoice: String, ExpressibleByArgument, CaseIterable, Codable {
    case auto, classification, regression
}

extension MatrixLayout: ExpressibleByArgument {}

/// Parses sizes like `512M`, `4G`, `1000000`.
enum ByteSize {
    static func parse(_ s: String) -> Int? {
        let t = s.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Double)] = [("T", 0x1p40), ("G", 0x1p30), ("M", 0x1p20), ("K", 0x1p10)]
        for (u, mult) in units where t.hasSuffix(u) || t.hasSuffix(u + "B") {
            let num = t.hasSuffix(u + "B") ? t.dropLast(2) : t.dropLast(1)
            return Double(num).map { Int($0 * mult) }
        }
        return Int(t)
    }
}
