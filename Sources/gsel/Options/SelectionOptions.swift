import Foundation
import ArgumentParser
import GSelCore

/// How features are selected: method, model, stability selection, randomness.
struct SelectionOptions: ParsableArguments {
    @Option(name: .long, help: "Number of features to report.")
    var k: Int

    @Option(name: .long, help: "Selection method: sa (Sequential Attention), omp, or marginal.")
    var method: MethodChoice = .sa

    @Option(name: .long, help: "Stability selection: complementary pairs of half-samples (2B fits); 0 = one fit on all training data.")
    var repeats: Int = 50

    @Option(name: .long, help: "Features each stability fit selects (default: k).")
    var q: Int?

    @Option(name: .long, help: "Selection frequency from which a feature is called stable, in (0.5, 1].")
    var threshold: Double = 0.6

    @Option(name: .long, help: "Random seed; the same seed gives the same ranking for any --threads.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(name: .customLong("validation-fraction"), help: "Held-out fraction for evaluation, stratified (0 disables).")
    var validationFraction: Double = 0.2

    @Option(name: .long, help: "Hidden layer widths, comma-separated; 0 = linear model.")
    var hidden: String = "67"

    @Option(name: .long, help: "Training epochs (default: chosen from n and k, see README).")
    var epochs: Int?

    @Option(name: .customLong("batch-size"), help: "Minibatch size (default: chosen from n and k).")
    var batchSize: Int?

    @Option(name: .customLong("learning-rate"), help: "Adam learning rate of the network weights (default: 0.01·clamp(n/p, 0.2, 1)).")
    var learningRate: Float?

    @Option(name: .customLong("logit-learning-rate"), help: "Adam learning rate of the attention logits.")
    var logitLearningRate: Float = 0.01

    @Option(name: .long, help: "Attention mask form: paper (softmax over unselected) or scaled (SA++ |U|·softmax).")
    var attention: AttentionMask.Form = .paper

    @Option(name: .long, help: "Fraction of the training steps spent in warm-up (full input, no attention).")
    var warmup: Double = 0.1

    @Option(name: .customLong("weight-decay"), help: "Decoupled (AdamW) weight decay of the network weights; 0 = none.")
    var weightDecay: Float = 0

    @Option(name: .customLong("logit-optimizer"), help: "Optimiser of the attention logits: adam (per-coordinate, the paper), shared-scale (Adam with one second moment for all logits), or auto (shared-scale when an epoch has fewer than 4 minibatches, else adam).")
    var logitOptimizer: SequentialAttentionConfig.LogitOptimizer = .auto

    func validate() throws {
        if k < 1 { throw ValidationError("--k must be at least 1; got \(k)") }
        if repeats < 0 { throw ValidationError("--repeats must be 0 or more; got \(repeats)") }
        if let q, q < 1 { throw ValidationError("--q must be at least 1; got \(q)") }
        if !(threshold > 0.5 && threshold <= 1) {
            throw ValidationError("--threshold must be in (0.5, 1]; got \(threshold)")
        }
        if !(validationFraction >= 0 && validationFraction < 1) {
            throw ValidationError("--validation-fraction must be in [0, 1); got \(validationFraction)")
        }
        if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1; got \(t)") }
        if let e = epochs, e < 1 { throw ValidationError("--epochs must be at least 1; got \(e)") }
        if let b = batchSize, b < 1 { throw ValidationError("--batch-size must be at least 1; got \(b)") }
        if let learningRate, !(learningRate > 0) { throw ValidationError("--learning-rate must be positive; got \(learningRate)") }
        if !(logitLearningRate > 0) { throw ValidationError("--logit-learning-rate must be positive; got \(logitLearningRate)") }
        if !(warmup >= 0 && warmup < 1) { throw ValidationError("--warmup must be in [0, 1); got \(warmup)") }
        if !(weightDecay >= 0) { throw ValidationError("--weight-decay must be 0 or more; got \(weightDecay)") }
        _ = try hiddenLayers()
    }

    func hiddenLayers() throws -> [Int] {
        let parts = hidden.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil && $0! >= 0 }) else {
            throw ValidationError("--hidden: expected comma-separated layer widths like 67 or 128,64 (0 = linear); got '\(hidden)'")
        }
        let widths = parts.map { $0! }
        if widths == [0] { return [] }
        guard !widths.contains(0) else { throw ValidationError("--hidden: 0 is only allowed alone (linear model)") }
        return widths
    }

    var saConfig: SequentialAttentionConfig {
        var c = SequentialAttentionConfig()
        c.hidden = (try? hiddenLayers()) ?? [67]
        c.epochs = epochs
        c.batchSize = batchSize
        c.learningRate = learningRate
        c.logitLearningRate = logitLearningRate
        c.attention = attention
        c.logitOptimizer = logitOptimizer
        c.warmupFraction = warmup
        c.weightDecay = weightDecay
        return c
    }

    var resolvedThreads: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// `--method` values.
enum MethodChoice: String, ExpressibleByArgument, CaseIterable, Codable {
    case sa, omp, marginal
}

extension AttentionMask.Form: ExpressibleByArgument {}
extension SequentialAttentionConfig.LogitOptimizer: ExpressibleByArgument {}
