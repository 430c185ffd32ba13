import GSelIO

/// Screening for wide data (p ≫ the screen size M): before a Sequential Attention fit, keep
/// the features it could plausibly pick, so its training steps cost O(M·h) instead of
/// O(p·h). The screen keeps
/// - the ⌈M/2⌉ features with the largest marginal statistic (F or |r|), and
/// - along the first S = min(k, 20) steps of orthogonal matching pursuit on the same fit's
///   samples, the features most correlated with the residual at each step: the features
///   with the largest linear gain given the ones picked before them;
/// and fills any room left by the marginal order.
///
/// A marginal screen alone drops a feature that helps only together with another (a
/// synergy or suppressor partner: alone it carries nothing, given its partner it carries
/// the signal); the residual after the partner is picked shows it, so it survives here.
/// A partner with no linear gain given any set of other features (a pure XOR) is dropped,
/// as it would be by a marginal screen: the price of the speed. OMP costs S passes over
/// the fit's n x p values, far less than the thousands of minibatch steps it saves.
public struct WideDataScreen: Sendable, Equatable {
    /// Features kept (M).
    public var size: Int
    /// Most OMP steps whose residual correlations are consulted.
    public static let maximumSteps = 20

    public init(size: Int) { self.size = size }

    /// The automatic screen size for `p` features and `k` picks: M = max(5000, 50·k) when
    /// p > 2·M, else no screen (nil). A fit's cost grows with the features it trains on, so the
    /// screen caps it at M features; below 2·M it would drop more than half of the features for
    /// less than a halving of the cost (and small cohorts such as Golub's 3,051 genes lost
    /// held-out accuracy when screened to a quarter). 0.3.0 screened only above 4·M, which made
    /// the common 10k-20k-gene cohorts the slowest inputs (docs/research-notes.md).
    public static func automaticSize(features p: Int, k: Int) -> Int? {
        let m = max(5000, 50 * k)
        return p > 2 * m ? m : nil
    }

    /// The kept features (ascending) of `data` for a fit picking `k`: candidates only (the
    /// covariates of a `CovariateMatrix` are never screened out; the statistics are given them).
    public func keep(_ data: StandardizedData, target: Target, k: Int) throws -> [Int] {
        let p = data.candidateCount
        guard size < p else { return Array(0 ..< p) }
        let steps = min(k, Self.maximumSteps)
        let perStep = max(1, (size / 2 + steps - 1) / steps)
        let path = try OrthogonalMatchingPursuit(snapshotSize: perStep).select(data, target: target, k: steps)
        return keep(marginal: try MarginalSelector.scores(data, target: target),
                    residualLeaders: path.snapshots.map { $0.candidates.map(\.feature) })
    }

    /// Kept feature indices (ascending): the marginal leaders (half of M), then the residual
    /// leaders of each OMP step in step order, then further marginal leaders up to M.
    public func keep(marginal: [Double], residualLeaders: [[Int]]) -> [Int] {
        let p = marginal.count
        guard size < p else { return Array(0 ..< p) }
        let order = MarginalSelector.ranking(marginal)
        var kept = Set(order.prefix((size + 1) / 2))
        for leaders in residualLeaders {
            for j in leaders where kept.count < size { kept.insert(j) }
        }
        for j in order where kept.count < size { kept.insert(j) }
        return kept.sorted()
    }
}
