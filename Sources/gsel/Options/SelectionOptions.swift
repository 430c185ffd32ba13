import ArgumentParser
import Foundation
import GSelCore
import GSelPipeline

/// How features are selected: method, model, stability selection, randomness. Defaults
/// come from `SelectionParameters` and `SequentialAttentionConfig`, where they are declared.
struct SelectionOptions: ParsableArguments {
    private static let defaults = SelectionParameters(k: 1)
    private static let sa = defaults.sequentialAttention

    @Option(name: .long, parsing: .unconditional, help: "Number of features to report.")
    var k: Int

    @Option(name: .long, help: "Known markers first: file of feature ids, one per line (# comments and blank lines skipped; or a table with the ids in its first column, header optional). They are selected before the first pick of every fit, lead ranking.tsv (column included) and count toward k.")
    var include: String?

    @Flag(name: .customLong("include-extra"), help: "With --include: pick k features after the included ones instead of counting them toward k.")
    var includeExtra = false

    @Option(name: .long, help: "What each feature costs: a table of feature id and cost > 0 (header optional, # comments skipped). Every pick weighs its gain against its cost (--cost-rule); ranking.tsv gains cost and cumulative_cost columns and evaluation.tsv the cost-metric curve. Unlisted features cost 1.")
    var costs: String?

    @Option(name: .long, parsing: .unconditional, help: "With --costs: most total cost of the ranking and of every fit; picks stop when nothing more fits (k stays the most features).")
    var budget: Double?

    @Option(name: .customLong("cost-rule"), help: "With --costs: auto (near for sa, safeguard for omp and marginal), near (the cheapest of the features with at least 90 % of the best gain), safeguard (gain per cost, or the best single affordable feature when it alone outweighs that packing), ratio (gain per cost), or gain (costs only bound the budget).")
    var costRule = CostParameters(file: "").rule

    @Flag(name: .customLong("require-costs"), help: "With --costs: every feature must be in the table (else an unlisted feature costs 1).")
    var requireCosts = false

    @Option(name: .long, help: "Selection method: sa (Sequential Attention), omp, or marginal.")
    var method = defaults.method

    @Option(name: .long, parsing: .unconditional, help: "Stability selection: complementary pairs of half-samples (2B fits): auto (rounds of \(AdaptiveRepeats.roundSize) from \(AdaptiveRepeats.minimumPairs) to \(AdaptiveRepeats.maximumPairs) pairs, until further pairs are unlikely to change the top k), a number, or 0 = one fit on all training data.")
    var repeats = "auto"

    @Option(name: .customLong("full-fits"), parsing: .unconditional, help: "Fits on the whole training split that vote in the ranking beside the stability fits (1-26; ignored with --repeats 0).")
    var fullFits = defaults.fullFits

    @Option(name: .long, parsing: .unconditional, help: "Features each stability fit selects (default: k).")
    var q: Int?

    @Option(name: .long, parsing: .unconditional, help: "Selection frequency from which a feature is called stable, in (0.5, 1].")
    var threshold = defaults.threshold

    @Option(name: .long, parsing: .unconditional, help: "Random seed; the same seed gives the same ranking for any --threads.",
            transform: { text in
                guard let seed = UInt64(text) else {
                    throw ValidationError("--seed must be an integer from 0 to \(UInt64.max); got '\(text)'")
                }
                return seed
            })
    var seed = defaults.seed

    @Option(name: .long, parsing: .unconditional, help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(name: .customLong("validation-fraction"), parsing: .unconditional, help: "Held-out fraction for evaluation, stratified (0 disables).")
    var validationFraction = defaults.validationFraction

    @Option(name: .long, parsing: .unconditional, help: "Hidden layer widths, comma-separated; 0 = linear model. (default: \(sa.hidden.map(String.init).joined(separator: ",")))",
            transform: { text in
                let widths = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !widths.isEmpty, let parsed = widths as? [Int] else {
                    throw ValidationError("--hidden: expected comma-separated layer widths like 67 or 128,64 (0 = linear); got '\(text)'")
                }
                return parsed == [0] ? [] : parsed
            })
    var hidden = sa.hidden

    @Option(name: .long, parsing: .unconditional, help: "Training epochs (default: chosen from n and k, see README).")
    var epochs: Int?

    @Option(name: .customLong("batch-size"), parsing: .unconditional, help: "Minibatch size (default: chosen from n and k).")
    var batchSize: Int?

    @Option(name: .customLong("learning-rate"), parsing: .unconditional, help: "Adam learning rate of the network weights (default: 0.01·clamp(n/p, 0.2, 1)).")
    var learningRate: Float?

    @Option(name: .customLong("logit-learning-rate"), parsing: .unconditional, help: "Adam learning rate of the attention logits.")
    var logitLearningRate = sa.logitLearningRate

    @Option(name: .long, help: "Attention mask form: paper (softmax over unselected) or scaled (SA++ |U|·softmax).")
    var attention = sa.attention

    @Option(name: .long, parsing: .unconditional, help: "Fraction of the training steps spent in warm-up (full input, no attention).")
    var warmup = sa.warmupFraction

    @Option(name: .customLong("weight-decay"), parsing: .unconditional, help: "Decoupled (AdamW) weight decay of the network weights; 0 = none.")
    var weightDecay = sa.weightDecay

    @Option(name: .long, help: "Wide data: run each fit on the features the marginal statistic and the first steps of orthogonal matching pursuit point to: auto (max(5000, 50·k) features when p is over twice that), off, or a number of features. (default: auto)",
            transform: { try CommandRunner.parse($0, ScreenSetting.init(parsing:)) })
    var screen = defaults.screen

    @Option(name: .long, help: "Interaction screen after the ranking: auto (pairs of features that predict only together, such as XOR-like epistasis, tested on the residual of the ranked features and calibrated by permutation, join the list marked interacts_with; not with --groups or --budget) or off.")
    var interactions = InteractionSetting.auto

    @Option(name: .customLong("logit-optimizer"), help: "Optimiser of the attention logits: adam (per-coordinate, the paper), shared-scale (Adam with one second moment for all logits), or auto (shared-scale when an epoch has fewer than 4 minibatches, else adam).")
    var logitOptimizer = sa.logitOptimizer

    /// The selection half of the run parameters.
    var parameters: SelectionParameters {
        var p = SelectionParameters(k: k)
        p.method = method
        p.repeats = repeats == "auto" ? nil : Int(repeats)
        p.fullFits = fullFits
        p.q = q
        p.threshold = threshold
        p.seed = seed
        p.validationFraction = validationFraction
        p.sequentialAttention.hidden = hidden
        p.sequentialAttention.epochs = epochs
        p.sequentialAttention.batchSize = batchSize
        p.sequentialAttention.learningRate = learningRate
        p.sequentialAttention.logitLearningRate = logitLearningRate
        p.sequentialAttention.attention = attention
        p.sequentialAttention.warmupFraction = warmup
        p.sequentialAttention.weightDecay = weightDecay
        p.sequentialAttention.logitOptimizer = logitOptimizer
        p.screen = screen
        p.include = include.map { IncludeParameters(file: $0, extra: includeExtra) }
        p.costs = costs.map { CostParameters(file: $0, rule: costRule, requireAll: requireCosts) }
        p.budget = budget
        p.interactions = interactions == .auto ? nil : interactions
        return p
    }

    func validate() throws {
        // The range is `SelectionParameters.validate`'s: here only the spelling.
        if !(repeats == "auto" || Int(repeats) != nil) {
            throw ValidationError("--repeats: expected auto or a number of pairs (0 = one fit); got '\(repeats)'")
        }
        if includeExtra && include == nil {
            throw ValidationError("--include-extra needs --include FILE")
        }
        if costs == nil, let flag = requireCosts ? "--require-costs" : costRule != CostParameters(file: "").rule ? "--cost-rule" : nil {
            throw ValidationError("\(flag) needs --costs FILE")
        }
        try CommandRunner.validate(threads: threads)
    }
}

extension SelectionMethod: ExpressibleByArgument {}
extension CostRule: ExpressibleByArgument {}
extension InteractionSetting: ExpressibleByArgument {}
extension AttentionMask.Form: ExpressibleByArgument {}
extension SequentialAttentionConfig.LogitOptimizer: ExpressibleByArgument {}
