import GSelCore

/// Everything the output writers need from a finished run.
public struct RunResult: Sendable {
    /// Per-feature selection frequencies (frequency chart, Manhattan plot, chunk winners).
    public var ranking: StabilityRanking
    /// The consensus over slots of substitutes that `entries` come from.
    public var slots: SubstituteSlots
    /// The k ranked units, best first: each slot's representative.
    public var entries: [StabilityRanking.Entry]
    /// Members of each entry's slot with their shares (empty for a slot of one).
    public var proxies: [[Proxy]]
    /// Effect of each entry: of the feature, or of the group's representative member.
    public var effects: [FeatureEffect]
    /// The feature whose effect is shown: the entry itself, or a group's member with the
    /// largest marginal statistic (F or |r|; for two classes the largest |Cohen's d|).
    public var representatives: [Int]
    /// The fit on the whole training split (selection path, attention re-scoring view).
    public var reference: FitRecord
    /// The training plan of the stability fits (of the reference fit with `repeats` 0).
    public var plan: SequentialAttentionConfig.Plan?
    /// Features the stability fits were screened to (`WideDataScreen`), nil when not screened.
    public var screenedTo: Int?
    public var evaluation: [EvaluationRow]
    public var marginalScores: [Double]
    public var trainData: StandardizedData
    public var aggregateSeconds: Double

    /// A member of a ranked slot and the fraction of the slot's fits that picked it.
    public struct Proxy: Sendable, Equatable {
        public var unit: Int
        public var share: Double
    }
}
