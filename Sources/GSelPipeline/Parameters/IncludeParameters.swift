import GSelIO

/// Features every fit selects before its first pick (`--include FILE`: the markers a panel
/// already has). Part of `SelectionParameters`; nil there when a run includes nothing, so such
/// runs keep the parameters (and fingerprint) they had before includes existed.
public struct IncludeParameters: Codable, Sendable, Equatable {
    /// The feature id list (`IncludedFeatures`). Recorded, but compared by checksum (`RunManifest`).
    public var file: String
    /// Pick k features after the included ones (ranking of |include| + k rows) instead of
    /// counting them toward k (`--include-extra`).
    public var extra = false

    public init(file: String, extra: Bool = false) {
        self.file = file
        self.extra = extra
    }

    /// Ranked rows and picks per fit for `k` (or q) with `count` included features, or a
    /// `ParameterError` when they leave no pick.
    public func picks(_ k: Int, included count: Int, parameter: String) throws -> Int {
        if extra { return k + count }
        guard count < k else {
            let flag = parameter == "k" ? "--k" : "--q"
            throw ParameterError("include", "\(file) lists \(count) feature\(count == 1 ? "" : "s"), not fewer than \(flag) \(k), so no pick is left; raise \(flag) or add --include-extra to pick \(k) more after them")
        }
        return k
    }
}
