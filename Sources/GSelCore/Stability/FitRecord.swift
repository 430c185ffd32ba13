/// The outcome of one selection fit: which features (or groups) it picked, in order, the
/// attention snapshots after each pick, and the training plan it ran with.
public struct FitRecord: Sendable, Equatable {
    public var id: FitID
    public var picks: [SelectionResult.Pick]
    public var snapshots: [SelectionResult.AttentionSnapshot]
    public var stopReason: String?
    /// The Sequential Attention plan the fit ran with (nil for OMP and marginal).
    public var plan: SequentialAttentionConfig.Plan?
    /// Features the fit was screened to, nil when it saw all.
    public var screenedTo: Int?

    public init(id: FitID, result: SelectionResult) {
        self.id = id
        self.picks = result.picks
        self.snapshots = result.snapshots
        self.stopReason = result.stopReason
        self.plan = result.plan
        self.screenedTo = result.screenedTo
    }

    public var pair: Int { id.pair }
    public var half: Int { id.half }
}
