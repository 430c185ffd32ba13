/// Hyper-parameters of Sequential Attention. `nil` values are chosen from the
/// data size by `plan(samples:features:k:)`.
public struct SequentialAttentionConfig: Sendable, Equatable, Codable {
    /// Hidden layer widths; `[]` is a linear model (`--hidden 0`).
    public var hidden: [Int] = [67]
    public var epochs: Int?
    public var batchSize: Int?
    /// Adam learning rate of the network weights; nil = chosen by `plan(samples:features:k:)`.
    public var learningRate: Float?
    /// Learning rate at the last step as a fraction of the initial one (exponential decay).
    public var finalLearningRateFraction: Float = 0.3
    public var warmupFraction: Double = 0.1
    /// Decoupled (AdamW) weight decay of the network weights per unit learning rate; 0 = none.
    public var weightDecay: Float = 0
    /// Optimizer steps of logit training per phase that the automatic plan aims for.
    public var stepsPerPhase: Int = 40
    /// Smallest total number of steps of the automatic plan.
    public var minimumSteps: Int = 1000
    /// Most passes over the training split the automatic plan makes. On tiny splits the step
    /// floor alone meant hundreds of passes (843 over Golub's 19-sample halves), and the fits
    /// memorised their half: capped at 200, Golub's default run is 3.5-4.2x cheaper, its held-out
    /// score 0.944 -> 0.978 and its top 20 moves less with the seed (overlap 17.0 -> 18.4 of 20;
    /// docs/research-notes.md). Binds only below about 80 samples per fit at k <= 22.
    public var maximumEpochs: Int = 200
    /// Features selected at the end of each phase.
    public var picksPerPhase: Int = 1
    public var attention: AttentionMask.Form = .paper
    /// How attention logits are optimised: per-coordinate Adam (the paper), Adam with one
    /// second moment shared by all logits (keeps relative gradient sizes), or `auto`, which
    /// the plan resolves from the number of minibatches per epoch.
    public var logitOptimizer: LogitOptimizer = .auto
    /// With `auto`, fewer minibatches per epoch than this select the shared scale.
    public var stochasticBatchesPerEpoch: Int = 4
    /// Adam learning rate of the attention logits.
    public var logitLearningRate: Float = 1e-2
    /// Weight classes inversely to their frequency in the loss (imbalance handling).
    public var classWeighted: Bool = true
    /// How many leading candidates each attention snapshot keeps.
    public var snapshotWidth: Int = 10
    /// Features kept by the `WideDataScreen` before a fit: nil = `automaticSize` (a screen
    /// only when p is much larger than max(5000, 50·k)), 0 = never screen, M = screen to M
    /// whenever p > M.
    public var screenSize: Int?

    /// The screen a fit over `p` features picking `k` runs, if any.
    public func screen(features p: Int, k: Int) -> WideDataScreen? {
        switch screenSize {
        case nil: return WideDataScreen.automaticSize(features: p, k: k).map(WideDataScreen.init(size:))
        case 0?: return nil
        case let m?: return p > m ? WideDataScreen(size: max(m, k)) : nil
        }
    }

    public init() {}

    /// Optimiser for the attention logits.
    public enum LogitOptimizer: String, Sendable, CaseIterable, Codable {
        case auto
        case adam
        case sharedScale = "shared-scale"
    }

    /// Concrete training plan for a training split of `samples` rows and `k` picks.
    public struct Plan: Sendable, Equatable, Codable {
        public var batchSize: Int
        public var epochs: Int
        public var totalSteps: Int
        /// Adam learning rate of the network weights.
        public var learningRate: Float
        /// The logit optimizer in force (never `.auto`).
        public var logitOptimizer: LogitOptimizer

        public init(batchSize: Int, epochs: Int, totalSteps: Int, learningRate: Float, logitOptimizer: LogitOptimizer) {
            self.batchSize = batchSize; self.epochs = epochs; self.totalSteps = totalSteps
            self.learningRate = learningRate; self.logitOptimizer = logitOptimizer
        }
    }

    /// The default rule, documented in the README:
    /// - target steps `T* = max(minimumSteps, stepsPerPhase · phases / (1 − warmup))`, i.e. at least 40 optimizer
    ///   steps of logit training per pick unless the epoch cap below binds;
    /// - batch size `clamp(round(20 · n / T*), 16, 256)`, capped at n: large data gets big
    ///   batches, small data gets many passes;
    /// - epochs `clamp(ceil(T* · batch / n), 1, maximumEpochs)`; total steps = epochs · ceil(n / batch)
    ///   (fewer than T* on splits under about 80 samples, where T* would mean hundreds of passes).
    /// - network learning rate `0.01 · clamp(n / p, 0.2, 1)`: with more features than samples a
    ///   fast network fits noise through every input and drowns the attention signal, so it
    ///   learns slower (0.002 at p ≥ 5n); the logits keep `logitLearningRate`.
    /// - logit optimizer `auto`: per-coordinate Adam when an epoch has at least
    ///   `stochasticBatchesPerEpoch` minibatches, otherwise the shared scale. With (nearly) the
    ///   whole training set in every batch the logit gradient is deterministic, and Adam's
    ///   per-coordinate normalisation reduces it to its sign: every feature whose gain keeps its
    ///   sign moves at the same speed and the pick is a near-tie among hundreds of features.
    ///   With minibatch noise the same normalisation is a signal-to-noise ratio, which works.
    /// Explicit `--epochs` / `--batch-size` / `--learning-rate` override the corresponding part.
    public func plan(samples n: Int, features p: Int, k: Int) -> Plan {
        let phases = (k + picksPerPhase - 1) / picksPerPhase
        let target = max(minimumSteps, Int((Double(stepsPerPhase * phases) / (1 - warmupFraction)).rounded(.up)))
        let autoBatch = min(256, max(16, Int((20.0 * Double(n) / Double(target)).rounded())))
        let batch = max(1, min(batchSize ?? autoBatch, n))
        let stepsPerEpoch = (n + batch - 1) / batch
        let e = epochs ?? min(maximumEpochs, max(1, Int((Double(target) * Double(batch) / Double(n)).rounded(.up))))
        let ratio = min(1, max(0.2, Double(n) / Double(max(p, 1))))
        let logits: LogitOptimizer = logitOptimizer != .auto ? logitOptimizer
            : stepsPerEpoch >= stochasticBatchesPerEpoch ? .adam : .sharedScale
        return Plan(batchSize: batch, epochs: e, totalSteps: e * stepsPerEpoch,
                    learningRate: learningRate ?? Float(0.01 * ratio), logitOptimizer: logits)
    }
}
