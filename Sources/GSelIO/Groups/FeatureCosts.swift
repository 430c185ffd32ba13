/// What each feature costs (`--costs FILE`: probes per gene, price per assay), as one cost per
/// input feature.
///
/// The file (plain or gzip) has one `feature_id cost` row per line (tab, comma or whitespace
/// separated; further columns are ignored); blank lines and lines starting with `#` are
/// skipped, and the first row is a header when its first field is not a feature id. Ids are
/// matched exactly against the input's feature ids (after QC), as group and include files are.
/// A cost is a finite number > 0. An unknown id, a repeated id and a cost that is missing,
/// not a number or not positive are `InputError`s naming the file and line. A feature the
/// file does not list costs `missing` (1 by default), or is an error when `missing` is nil
/// (`--require-costs`).
public struct FeatureCosts: Sendable, Equatable {
    /// The cost of every input feature, in input order.
    public let costs: [Double]
    /// Features the file lists.
    public let listed: Int
    /// Features the file does not list (they cost the default).
    public let defaulted: Int
    /// Remarks for the log (e.g. which line was read as a header).
    public let notes: [String]

    public init(costs: [Double], listed: Int, defaulted: Int, notes: [String] = []) {
        self.costs = costs
        self.listed = listed
        self.defaulted = defaulted
        self.notes = notes
    }

    /// How many ids an error about unlisted features names.
    static let exampleCount = 5

    /// Reads `path` against the input's `featureIDs`; unlisted features cost `missing`, or
    /// are an error when it is nil.
    public static func load(path: String, featureIDs: [String], missing: Double? = 1) throws -> FeatureCosts {
        let featureIndex = FeatureIDIndex.firstIndices(featureIDs)
        var costs = [Double](repeating: .nan, count: featureIDs.count)
        var listedOn: [Int: Int] = [:], notes: [String] = []
        try FeatureIDRows.forEach(path: path, comments: true) { n, fields, isFirst in
            guard let id = fields.first, !id.isEmpty else {
                throw InputError(file: path, location: "line \(n)", "empty feature id; expected a feature id and its cost")
            }
            if isFirst, featureIndex[id] == nil, fields.count > 1, Double(fields[1]) == nil {
                notes.append("\(path): line \(n) read as the header (\(fields.joined(separator: ", ")))")
                return
            }
            guard let j = featureIndex[id] else {
                throw InputError(file: path, location: "line \(n)",
                                 "'\(id)' is not a feature of the input; expected feature ids of --input (after its QC filters)")
            }
            guard fields.count >= 2, !fields[1].isEmpty else {
                throw InputError(file: path, location: "line \(n)", "feature '\(id)' has no cost; expected a feature id and a cost > 0")
            }
            guard let cost = Double(fields[1]), cost.isFinite, cost > 0 else {
                throw InputError(file: path, location: "line \(n)",
                                 "cost '\(fields[1])' of feature '\(id)' is not a finite number > 0; expected a cost > 0")
            }
            if let earlier = listedOn[j] {
                throw InputError(file: path, location: "line \(n)",
                                 "feature '\(id)' is listed twice (lines \(earlier) and \(n)); expected each feature once")
            }
            listedOn[j] = n
            costs[j] = cost
        }
        if listedOn.isEmpty {
            throw InputError(file: path, "no feature costs; expected one 'feature_id cost' row per line")
        }
        let unlisted = costs.indices.filter { costs[$0].isNaN }
        if let missing {
            for j in unlisted { costs[j] = missing }
        } else if !unlisted.isEmpty {
            let examples = unlisted.prefix(exampleCount).map { "'\(featureIDs[$0])'" }.joined(separator: ", ")
            throw InputError(file: path, "\(unlisted.count) of \(featureIDs.count) features have no cost, e.g. \(examples)\(unlisted.count > exampleCount ? ", …" : ""); expected a cost for every feature (--require-costs)")
        }
        return FeatureCosts(costs: costs, listed: listedOn.count, defaulted: unlisted.count, notes: notes)
    }
}
