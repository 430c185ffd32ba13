import Foundation
import GSelCore
import GSelIO

/// The decoded input with its phenotype: the matrix, the labelled samples, their target,
/// the optional feature groups and covariates, and the files they came from (`SourceFiles`).
public struct LoadedInput: Sendable {
    public var matrix: LoadedMatrix
    /// Matrix rows that have a label (and every covariate), ascending.
    public var rows: [Int]
    /// One target value per sample of `rows` (by position).
    public var target: Target
    /// Where the labels came from: the label file, or `input:key`.
    public var labelSource: String
    /// The label column (or annotation key), named in errors about the target.
    public var labelColumn: String
    public var labelNotes: [String]
    public var unlabelledDropped: Int
    /// The files read, with their checksums (the fit manifest compares them).
    public var sources: SourceFiles
    /// Feature groups: selection ranks groups instead of features.
    public var groups: FeatureGroups?
    /// Covariates every fit includes, encoded for the samples of `rows`.
    public var covariates: EncodedCovariates?
    /// Features every fit selects first (`--include`), input feature indices in the file's order.
    public var included: [Int] = []
    /// What each input feature costs (`--costs`, `LoadedInput+Costs`); nil without costs.
    public var costs: FeatureCosts?
    /// What selection reads: the matrix store, with the covariate columns appended when
    /// there are covariates (`CovariateMatrix`).
    public var selectionMatrix: any FeatureMatrix
    /// Features of the input after QC; more than `featureCount` when the run selects from a
    /// region or chunk of them (`ChunkParameters`).
    public var inputFeatureCount: Int
    public var loadSeconds: Double

    public var task: TaskKind { target.task }
    public var featureCount: Int { matrix.features.count }

    /// Reads the input and the labels as `parameters` say, logging what was found; with
    /// `chunking`, only the features of its region and chunk remain (`scoped(to:file:log:)`).
    public static func load(_ parameters: InputParameters, threads: Int, log: RunLog) throws -> LoadedInput {
        let start = Date()
        var readerOptions = parameters.readerOptions(threads: threads)
        var labelTable: LabelTable?
        if let labels = parameters.labels {
            let table = try LabelTable.load(path: labels, sampleColumn: parameters.sampleColumn, labelColumn: parameters.labelColumn)
            readerOptions.labelSampleIDs = Set(table.sampleIDs)
            labelTable = table
        } else if parameters.labelKey == nil {
            throw ParameterError("labels", "FILE or --label-key NAME is needed: no phenotype given (--label-col picks the column of a label file with several; --label-key names a label stored in the input)")
        }
        let matrix = try InputFormat.reader(for: parameters.path).load(options: readerOptions)
        AllocatorTrim.returnFreedMemory()  // the reader's buffers, before the fits allocate theirs
        for note in matrix.notes { log.info(note) }
        if let key = parameters.labelKey {
            labelTable = try LabelTable.annotation(key, of: matrix, file: parameters.path)
        }
        guard let table = labelTable else { preconditionFailure("labels resolved above") }
        let aligned = try table.align(to: matrix.sampleIDs, task: parameters.task)
        for note in aligned.notes { log.info(note) }
        let groups = try parameters.groups.map { try loadGroups($0, features: matrix.features, log: log) }
        var rows = aligned.rows, target = aligned.target
        var covariates: EncodedCovariates?
        if let settings = parameters.covariates {
            let encoded = try loadCovariates(settings, parameters: parameters, labels: table, matrix: matrix, rows: rows)
            for note in encoded.notes { log.info(note) }
            let position = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
            target = target.subset(encoded.rows.map { position[$0]! })
            rows = encoded.rows
            covariates = encoded
        }
        let bytes = matrix.matrix.storageBytes
        let shape = "\(matrix.format): \(matrix.sampleIDs.count) samples x \(matrix.features.count) features"
        if let disk = matrix.matrix as? DiskBackedMatrix {
            log.info("\(shape); store \(MemoryBudget.format(disk.fileBytes)) exceeds --max-memory \(MemoryBudget.format(parameters.decoding.memoryBudget.bytes ?? 0)), so the fits stream it from the on-disk cache \(disk.path) (in TMPDIR, unlinked at once: freed when the run ends, however it ends)")
        } else {
            log.info("\(shape); store \(MemoryBudget.format(bytes)) (\(type(of: matrix.matrix)))")
        }
        try parameters.decoding.memoryBudget.check(bytes, file: parameters.path, what: "the matrix store")
        return try LoadedInput(matrix: matrix, rows: rows, target: target,
                           labelSource: parameters.labels ?? "\(parameters.path):\(parameters.labelKey ?? "")",
                           labelColumn: table.labelColumn,
                           labelNotes: aligned.notes, unlabelledDropped: aligned.unlabelledSamplesDropped,
                           sources: SourceFiles(input: try SourceFile(reading: parameters.path),
                                                labels: try parameters.labels.map(SourceFile.init(reading:)),
                                                groups: try parameters.groups.map(SourceFile.init(reading:)),
                                                covariates: try parameters.covariates?.file.map(SourceFile.init(reading:))),
                           groups: groups, covariates: covariates,
                           selectionMatrix: covariates.map {
                               CovariateMatrix(base: matrix.matrix, covariates: $0.values, covariateCount: $0.columnCount)
                           } ?? matrix.matrix,
                           inputFeatureCount: matrix.features.count,
                           loadSeconds: Date().timeIntervalSince(start))
            .scoped(to: parameters.chunking, file: parameters.path, log: log)
    }

    /// This input with the features `include` lists (`IncludedFeatures`), checked against the
    /// input's feature ids; itself when nil.
    public func including(_ include: IncludeParameters?, log: RunLog) throws -> LoadedInput {
        guard let include else { return self }
        let list = try IncludedFeatures.load(path: include.file, featureIDs: matrix.features.map(\.id))
        for note in list.notes { log.info(note) }
        log.info("include: \(list.count) feature\(list.count == 1 ? "" : "s") selected before the first pick of every fit (\(include.extra ? "picks after them" : "counted toward k"))")
        var copy = self
        copy.included = list.features
        copy.sources.include = try SourceFile(reading: include.file)
        return copy
    }

    /// Reads the group file against the input's feature ids and logs what it covers.
    private static func loadGroups(_ path: String, features: [FeatureInfo], log: RunLog) throws -> FeatureGroups {
        let groups = try FeatureGroups.load(path: path, featureIDs: features.map(\.id))
        for note in groups.notes { log.info(note) }
        let ungrouped = groups.ungroupedCount
        log.info("groups: \(groups.count) groups over \(features.count - ungrouped) features" +
                 (ungrouped > 0 ? "; \(ungrouped) features in no group are not candidates" : ""))
        return groups
    }

    /// Samples per class name (classification) in the labelled set.
    public var classCounts: [(name: String, count: Int)] {
        guard case .classes(_, let names) = target else { return [] }
        return zip(names, target.classCounts).map { ($0, $1) }
    }
}
