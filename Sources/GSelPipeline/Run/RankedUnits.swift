import GSelIO

/// What a run ranks: the input features, or feature groups with `--groups`. Fits, the
/// stability ranking and the outputs index units; `members` maps a unit to its features.
public struct RankedUnits: Sendable {
    public let features: [FeatureInfo]
    public let groups: FeatureGroups?

    public init(features: [FeatureInfo], groups: FeatureGroups?) {
        self.features = features
        self.groups = groups
    }

    /// Number of candidate units (p, or the number of groups).
    public var count: Int { groups?.count ?? features.count }
    /// "features" or "groups", for messages and titles.
    public var noun: String { groups == nil ? "features" : "groups" }
    /// Feature id, or group id.
    public func id(_ u: Int) -> String { groups?.names[u] ?? features[u].id }
    /// Feature display name, or group id.
    public func name(_ u: Int) -> String { groups?.names[u] ?? features[u].name }
    /// The input features of unit `u`.
    public func members(_ u: Int) -> [Int] { groups?.members[u] ?? [u] }
    /// Ids of all units in index order (fit files label their rows with them).
    public var ids: [String] { groups?.names ?? features.map(\.id) }
}
