import GSelIO

/// A method that picks features in order from a training split.
public protocol FeatureSelector: Sendable {
    /// Short method name used on the command line and in outputs ("sa", "omp", "marginal").
    var name: String { get }
    /// Selects `k` features (or fewer, with `SelectionResult.stopReason` saying why).
    func select(_ data: StandardizedData, target: Target, k: Int, seed: UInt64, stream: [UInt64]) throws -> SelectionResult
}

/// The ordered outcome of one selection run.
public struct SelectionResult: Sendable, Equatable {
    /// One chosen feature, in pick order.
    public struct Pick: Sendable, Equatable {
        /// Column index in the dataset.
        public var feature: Int
        /// Attention weight (SA), |correlation with the residual| (OMP) or statistic (marginal) when picked.
        public var score: Double
        /// Validation / training loss after the pick, when the method computes one.
        public var loss: Double?
        public init(feature: Int, score: Double, loss: Double? = nil) {
            self.feature = feature; self.score = score; self.loss = loss
        }
    }

    /// For the attention re-scoring view: after each pick, the leading candidates and their attention mass.
    public struct AttentionSnapshot: Sendable, Equatable {
        public var step: Int
        public var candidates: [(feature: Int, weight: Double)]
        public init(step: Int, candidates: [(feature: Int, weight: Double)]) {
            self.step = step; self.candidates = candidates
        }
        public static func == (a: Self, b: Self) -> Bool {
            a.step == b.step && a.candidates.map(\.feature) == b.candidates.map(\.feature)
                && a.candidates.map(\.weight) == b.candidates.map(\.weight)
        }
    }

    public var picks: [Pick]
    public var snapshots: [AttentionSnapshot]
    /// Why fewer than k features were picked, if so.
    public var stopReason: String?
    /// The training plan a Sequential Attention fit ran with (nil for other methods).
    public var plan: SequentialAttentionConfig.Plan?
    /// Features the fit was screened to (`WideDataScreen`), nil when it saw them all.
    public var screenedTo: Int?

    public init(picks: [Pick], snapshots: [AttentionSnapshot] = [], stopReason: String? = nil,
                plan: SequentialAttentionConfig.Plan? = nil) {
        self.picks = picks; self.snapshots = snapshots; self.stopReason = stopReason; self.plan = plan
    }

    public var features: [Int] { picks.map(\.feature) }
}
