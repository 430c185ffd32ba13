import Foundation
import GSelCore
import GSelIO

/// The decoded input with its phenotype: the matrix, the labelled samples and their target.
struct LoadedInput {
    var matrix: LoadedMatrix
    /// Matrix rows that have a label, ascending.
    var rows: [Int]
    /// One target value per labelled sample (position in `rows`).
    var target: Target
    var task: TaskKind
    var labelSource: String
    var labelNotes: [String]
    var unlabelledDropped: Int
    var inputSHA256: String
    var labelsSHA256: String?
    /// Feature groups (`--groups`): selection ranks groups instead of features.
    var groups: FeatureGroups?
    var groupsSHA256: String?
    var loadSeconds: Double

    var featureCount: Int { matrix.features.count }

    /// Reads the input and the labels as the options say, logging what was found.
    static func load(_ options: InputOptions, threads: Int, log: Log) throws -> LoadedInput {
        let start = Date()
        var readerOptions = options.readerOptions(threads: threads)
        var labelTable: LabelTable?
        if let labels = options.labels {
            let table = try LabelTable.load(path: labels, sampleColumn: options.sampleColumn, labelColumn: options.labelColumn)
            readerOptions.labelSampleIDs = Set(table.sampleIDs)
            labelTable = table
        } else if options.labelKey == nil {
            throw UsageError("no phenotype given: use --labels FILE (with --label-col if it has several columns) or --label-key NAME for a label stored in the input")
        }
        let reader = try InputFormat.reader(for: options.input)
        let matrix = try reader.load(options: readerOptions)
        for note in matrix.notes { log.info(note) }
        if let key = options.labelKey {
            labelTable = try LabelTable.annotation(key, of: matrix, file: options.input)
        }
        guard let table = labelTable else { preconditionFailure("labels resolved above") }
        let aligned = try table.align(to: matrix.sampleIDs, task: options.task.labelTask)
        for note in aligned.notes { log.info(note) }
        let target: Target
        switch aligned.target {
        case .classes(let codes, let names): target = .classes(codes: codes, names: names)
        case .values(let v): target = .values(v)
        }
        let task: TaskKind = target.isClassification ? .classification : .regression
        let groups = try options.groups.map { try loadGroups($0, features: matrix.features, log: log) }
        let bytes = matrix.matrix.storageBytes
        log.info("\(matrix.format): \(matrix.sampleIDs.count) samples x \(matrix.features.count) features; store \(ByteCount.format(bytes)) (\(type(of: matrix.matrix)))")
        if let limit = readerOptions.maxMemoryBytes, bytes > limit {
            throw UsageError("the matrix store needs \(ByteCount.format(bytes)), more than --max-memory \(ByteCount.format(limit))")
        }
        return LoadedInput(matrix: matrix, rows: aligned.rows, target: target, task: task,
                           labelSource: options.labels ?? "\(options.input):\(options.labelKey ?? "")",
                           labelNotes: aligned.notes, unlabelledDropped: aligned.unlabelledSamplesDropped,
                           inputSHA256: try SHA256.hex(file: options.input),
                           labelsSHA256: try options.labels.map { try SHA256.hex(file: $0) },
                           groups: groups, groupsSHA256: try options.groups.map { try SHA256.hex(file: $0) },
                           loadSeconds: Date().timeIntervalSince(start))
    }

    /// Reads the group file against the input's feature ids and logs what it covers.
    private static func loadGroups(_ path: String, features: [FeatureInfo], log: Log) throws -> FeatureGroups {
        let groups = try FeatureGroups.load(path: path, featureIDs: features.map(\.id))
        for note in groups.notes { log.info(note) }
        let ungrouped = groups.ungroupedCount
        log.info("groups: \(groups.count) groups over \(features.count - ungrouped) features" +
                 (ungrouped > 0 ? "; \(ungrouped) features in no group are not candidates" : ""))
        return groups
    }

    /// Samples per class name (classification) in the labelled set.
    var classCounts: [(String, Int)] {
        guard case .classes(let codes, let names) = target else { return [] }
        var counts = [Int](repeating: 0, count: names.count)
        for c in codes { counts[Int(c)] += 1 }
        return zip(names, counts).map { ($0, $1) }
    }
}

extension TaskChoice {
    var labelTask: LabelTaskKind? {
        switch self {
        case .auto: return nil
        case .classification: return .classification
        case .regression: return .regression
        }
    }
}

/// Human-readable byte counts.
enum ByteCount {
    static func format(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var v = Double(bytes), u = 0
        while v >= 1024 && u < units.count - 1 { v /= 1024; u += 1 }
        return u == 0 ? "\(bytes) B" : String(format: "%.1f %@", v, units[u])
    }
}
