/// Features gathered into groups for group selection (`--groups`, the SequentialAttention++
/// block idea): all variants of a gene, all genes of a pathway. Selection then scores and
/// picks whole groups; features in no group are not candidates.
public struct FeatureGroups: Sendable, Equatable {
    /// Group ids, in order of first appearance in the group file.
    public let names: [String]
    /// Group index of each input feature, or -1 when the feature is in no group.
    public let groupOf: [Int]
    /// Member features of each group, ascending.
    public let members: [[Int]]
    /// Remarks for the log (e.g. which line was read as a header).
    public let notes: [String]

    /// Groups from a group index per feature (-1 = in no group); every index must be in
    /// `-1 ..< names.count`.
    public init(names: [String], groupOf: [Int], notes: [String] = []) {
        var members = [[Int]](repeating: [], count: names.count)
        for (j, g) in groupOf.enumerated() where g >= 0 {
            precondition(g < names.count, "group index \(g) of feature \(j) out of range")
            members[g].append(j)
        }
        self.names = names
        self.groupOf = groupOf
        self.members = members
        self.notes = notes
    }

    /// Number of groups.
    public var count: Int { names.count }
    /// Number of input features (grouped or not).
    public var featureCount: Int { groupOf.count }
    /// Features that belong to no group.
    public var ungroupedCount: Int { groupOf.reduce(0) { $0 + ($1 < 0 ? 1 : 0) } }

    /// Reads a group file (plain or gzip; tab, comma or whitespace separated): one
    /// `feature_id group_id` row per feature. The first line is a header when its first
    /// field is not one of `featureIDs`. Every feature id must be one of `featureIDs`
    /// and each feature may belong to one group only (a repeated identical row is fine).
    public static func load(path: String, featureIDs: [String]) throws -> FeatureGroups {
        try FeatureGroupFileReader(path: path).read(featureIDs: featureIDs)
    }
}
