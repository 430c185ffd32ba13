import GSelIO

/// Sequential Attention feature selection (Yasuda et al., ICLR 2023): greedy forward
/// selection inside one training run. After a warm-up with the full input, each phase
/// trains attention logits jointly with the network through the mask
/// `m = 1 (selected) | softmax(logits over unselected)`; at the end of the phase the
/// unselected feature with the largest trained logit joins the selection and the logits
/// are re-initialised, so every pick is re-scored given what is already selected.
///
/// With `groups` (SequentialAttention++ blocks) there is one logit per group: every member
/// of a group gets the group's mask, whole groups are picked, k counts groups, and picks and
/// snapshots hold group indices. Features in no group are seen during warm-up only (mask 0
/// in the phases). Without groups every feature is its own group.
///
/// Covariates (the trailing columns of a `CovariateMatrix`) are network inputs with mask 1
/// throughout and no logit: they are never candidates, so attention scores what a feature
/// adds beyond them.
///
/// `included` features (`--include`, known markers) are candidates that start in the
/// selected set: mask 1 from the first phase on, never re-scored, the fit's first picks (in
/// their order, score 1: their mask value). The phases make the remaining k − |included|
/// picks, each re-scored given them, so a feature redundant with a marker loses attention.
///
/// With `costs` (`--costs`, `--budget`) the pick at the end of a phase is the `CostBudget`
/// rule's, on the attention weights; features the budget can no longer afford leave the
/// softmax, and the fit stops when none is affordable (`SequentialAttention+Budget`).
public struct SequentialAttention: FeatureSelector {
    public var config: SequentialAttentionConfig
    /// Feature groups to select instead of single features.
    public var groups: FeatureGroups?
    /// Features selected before the first pick, in order (never with groups).
    public var included: [Int]
    /// Feature costs and the budget (never with groups); nil = picks by attention alone.
    public var costs: CostBudget?
    public var name: String { "sa" }

    public init(config: SequentialAttentionConfig = .init(), groups: FeatureGroups? = nil, included: [Int] = [],
                costs: CostBudget? = nil) {
        self.config = config
        self.groups = groups
        self.included = included
        self.costs = costs
    }

    public func select(_ data: StandardizedData, target: Target, k: Int, seed: UInt64,
                       stream: [UInt64]) throws -> SelectionResult {
        try SelectionRequest.validate(data, target: target, k: k, groups: groups, included: included, costs: costs, method: name)
        if k == included.count {
            return SelectionResult(picks: included.map { .init(feature: $0, score: 1) })
        }
        if groups == nil, let screen = config.screen(features: data.candidateCount, k: k) {
            return try screened(data, target: target, k: k, screen: screen, seed: seed, stream: stream)
        }
        var trainer = AttentionTrainer(data: data, target: target, k: k, config: config, groups: groups, included: included,
                                       costs: costs, rng: SeededGenerator(seed: seed, stream: stream))
        return trainer.run()
    }

    /// A fit on the features `screen` keeps (the fit runs on the kept columns and its picks
    /// are mapped back).
    private func screened(_ data: StandardizedData, target: Target, k: Int, screen: WideDataScreen,
                          seed: UInt64, stream: [UInt64]) throws -> SelectionResult {
        // The included features are kept whatever the screen says.
        let kept = Set(try screen.keep(data, target: target, k: k)).union(included).sorted()
        let position = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        var trainer = AttentionTrainer(data: data.columns(kept), target: target, k: k, config: config, groups: nil,
                                       included: included.map { position[$0]! }, costs: costs?.restricted(to: kept),
                                       rng: SeededGenerator(seed: seed, stream: stream))
        var result = trainer.run()
        result.picks = result.picks.map { .init(feature: kept[$0.feature], score: $0.score, loss: $0.loss) }
        result.snapshots = result.snapshots.map { s in
            .init(step: s.step, candidates: s.candidates.map { (feature: kept[$0.feature], weight: $0.weight) })
        }
        result.screenedTo = kept.count
        return result
    }
}
