/// Features a run selects before its first pick (`--include FILE`: the markers a panel
/// already has), as input feature indices in the file's order.
///
/// The file (plain or gzip) lists feature ids one per line; blank lines and lines starting
/// with `#` are skipped. A line with several fields (tab, comma or whitespace separated) is a
/// row of a table whose first column holds the ids; the table's first line is its header
/// when its first field is not a feature id. A one-column list has no header line (comment a
/// title out with `#`). Ids are matched exactly against the input's feature ids (after QC),
/// as group and covariate files are; an unknown id and a repeated id are `InputError`s naming
/// the file and line.
public struct IncludedFeatures: Sendable, Equatable {
    /// Input feature indices, in the order of the file.
    public let features: [Int]
    /// Remarks for the log (e.g. which line was read as a header).
    public let notes: [String]

    public init(features: [Int], notes: [String] = []) {
        self.features = features
        self.notes = notes
    }

    public var count: Int { features.count }

    /// Reads `path` against the input's `featureIDs`.
    public static func load(path: String, featureIDs: [String]) throws -> IncludedFeatures {
        let featureIndex = FeatureIDIndex.firstIndices(featureIDs)
        var features: [Int] = [], listedOn: [Int: Int] = [:], notes: [String] = []
        try FeatureIDRows.forEach(path: path, comments: true) { n, fields, isFirst in
            guard let id = fields.first, !id.isEmpty else {
                throw InputError(file: path, location: "line \(n)", "empty feature id; expected a feature id in the first column")
            }
            if isFirst, fields.count > 1, featureIndex[id] == nil {
                notes.append("\(path): line \(n) read as the header (\(fields.joined(separator: ", ")))")
                return
            }
            guard let j = featureIndex[id] else {
                let hint = isFirst && fields.count == 1 ? " (a one-column list has no header line; start a title with #)" : ""
                throw InputError(file: path, location: "line \(n)",
                                 "'\(id)' is not a feature of the input; expected feature ids of --input (after its QC filters)\(hint)")
            }
            if let earlier = listedOn[j] {
                throw InputError(file: path, location: "line \(n)",
                                 "feature '\(id)' is listed twice (lines \(earlier) and \(n)); expected each feature once")
            }
            listedOn[j] = n
            features.append(j)
        }
        if features.isEmpty {
            throw InputError(file: path, "no feature ids; expected one feature id per line (or a table with the ids in its first column)")
        }
        return IncludedFeatures(features: features, notes: notes)
    }
}
