/// The outcome of one selection fit: which features one half of one complementary
/// pair picked, in order. `pair` is 1-based; `half` is 0 or 1 (files say a/b).
/// A fit with `pair == 0` is the single fit of `--repeats 0` on all training data.
public struct FitRecord: Sendable, Equatable {
    public var pair: Int
    public var half: Int
    public var picks: [SelectionResult.Pick]
    public var snapshots: [SelectionResult.AttentionSnapshot]
    public var stopReason: String?

    public init(pair: Int, half: Int, result: SelectionResult) {
        self.pair = pair
        self.half = half
        self.picks = result.picks
        self.snapshots = result.snapshots
        self.stopReason = result.stopReason
    }

    /// Random stream of this fit, derived from (pair, half) so any scheduling gives the same result.
    public static func stream(pair: Int, half: Int) -> [UInt64] { [UInt64(pair), UInt64(half)] }
}
