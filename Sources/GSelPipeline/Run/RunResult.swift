import GSelCore

/// Everything the output writers need from a finished run.
public struct RunResult: Sendable {
    /// The consensus per feature, one slot each (frequency chart, Manhattan plot, chunk winners).
    public var ranking: ConsensusRanking
    /// The consensus over slots of substitutes that `entries` come from.
    public var slots: ConsensusRanking
    /// Where an adaptive run (`--repeats auto`) stopped; nil with a fixed number of pairs.
    public var stop: AdaptiveRepeats.Check?
    /// The k ranked units, best first: each slot's representative, with its members.
    public var entries: [RankedEntry]
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
    /// The marginal baseline's list that `evaluation` scores (with costs, within the budget).
    public var marginalOrder: [Int] = []
    /// The interaction screen (`--interactions`); nil when the run did not screen.
    public var interactions: InteractionScreen.Result?
    /// Seconds the interaction screen took (part of `aggregateSeconds`).
    public var interactionSeconds: Double?
    public var marginalScores: [Double]
    public var trainData: StandardizedData
    public var aggregateSeconds: Double

}
