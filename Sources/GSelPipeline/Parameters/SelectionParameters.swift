import GSelCore
import GSelIO

/// How features are selected: method, stability selection, validation split and the
/// Sequential Attention settings: the selection half of `RunParameters`. The defaults here
/// are the only declaration of gsel's selection defaults (the CLI shows them).
public struct SelectionParameters: Codable, Sendable, Equatable {
    /// Number of features (or groups) to report.
    public var k: Int
    public var method: SelectionMethod = .sa
    /// Complementary pairs of half-samples (2B fits); 0 = one fit on the training split;
    /// nil = adaptive (`--repeats auto`): rounds of pairs until `AdaptiveRepeats` settles.
    public var repeats: Int?
    /// Fits on the whole training split, each with its own random stream, that vote in the
    /// ranking beside the 2B stability fits (the first is the reference fit); with `repeats`
    /// 0 only the reference fit runs.
    public var fullFits: Int = 10
    /// Features each stability fit picks; nil = k.
    public var q: Int?
    /// Selection frequency from which a feature is stable, in (0.5, 1].
    public var threshold: Double = 0.6
    public var seed: UInt64 = 1
    /// Held-out fraction for evaluation, stratified; 0 = no evaluation.
    public var validationFraction: Double = 0.2
    /// Sequential Attention hyper-parameters (nil values are planned from the data size).
    public var sequentialAttention = SequentialAttentionConfig()
    /// Features selected before every fit's first pick (`--include`); nil = none.
    public var include: IncludeParameters?
    /// Feature costs (`--costs`); nil = none.
    public var costs: CostParameters?
    /// Most total cost of the ranking and of every fit (`--budget`, needs `costs`); nil = no bound.
    public var budget: Double?
    /// The interaction screen after the ranking (`--interactions`); nil = auto.
    public var interactions: InteractionSetting?

    public init(k: Int) { self.k = k }

    /// Features each fit picks.
    public var resolvedQ: Int { q ?? k }

    /// The wide-data screen (`--screen`), kept in `sequentialAttention.screenSize`.
    public var screen: ScreenSetting {
        get { ScreenSetting(screenSize: sequentialAttention.screenSize) }
        set { sequentialAttention.screenSize = newValue.screenSize }
    }

    /// Whether the run screens for interaction pairs: `--interactions` is not off, and the run
    /// ranks single features (not groups) without a budget (pair rows would not fit it).
    public func screensInteractions(grouped: Bool) -> Bool {
        (interactions ?? .auto) != .off && !grouped && budget == nil
    }

    /// One fit on the training split and no stability selection (`repeats` 0).
    public var singleFit: Bool { repeats == 0 }

    /// Most pairs the run can use: `repeats`, or the adaptive cap.
    public var maximumPairs: Int { repeats ?? AdaptiveRepeats.maximumPairs }

    /// Full-split fits the run makes: `fullFits`, or only the reference fit with `repeats` 0.
    public var resolvedFullFits: Int { singleFit ? 1 : fullFits }

    /// Largest accepted values, far beyond any sensible run: they keep hostile numbers from
    /// overflowing step counts or allocating unbounded networks.
    public static let maximumRepeats = 100_000
    public static let maximumEpochs = 1_000_000
    public static let maximumLayerWidth = 65_536

    /// Throws a `ParameterError` for values out of range.
    public func validate() throws {
        try SelectionRequest.requirePickCount(k, parameter: "k")
        if let repeats, !(0 ... Self.maximumRepeats).contains(repeats) {
            throw ParameterError("repeats", "must be between 0 and \(Self.maximumRepeats); got \(repeats)")
        }
        if !(1 ... FitID.maximumFullFits).contains(fullFits) {
            throw ParameterError("full_fits", "must be between 1 and \(FitID.maximumFullFits); got \(fullFits)")
        }
        if let q { try SelectionRequest.requirePickCount(q, parameter: "q") }
        if let budget {
            if costs == nil { throw ParameterError("budget", "needs --costs FILE (what each feature costs)") }
            if !(budget > 0 && budget.isFinite) { throw ParameterError("budget", "must be a finite number > 0; got \(budget)") }
        }
        if !(threshold > 0.5 && threshold <= 1) { throw ParameterError("threshold", "must be in (0.5, 1]; got \(threshold)") }
        if !(validationFraction >= 0 && validationFraction < 1) {
            throw ParameterError("validation_fraction", "must be in [0, 1); got \(validationFraction)")
        }
        let sa = sequentialAttention
        if let w = sa.hidden.first(where: { !(1 ... Self.maximumLayerWidth).contains($0) }) {
            throw ParameterError("hidden", "layer widths must be between 1 and \(Self.maximumLayerWidth) (0 alone = linear model); got \(w)")
        }
        if let e = sa.epochs, !(1 ... Self.maximumEpochs).contains(e) {
            throw ParameterError("epochs", "must be between 1 and \(Self.maximumEpochs); got \(e)")
        }
        if let b = sa.batchSize, b < 1 { throw ParameterError("batch_size", "must be at least 1; got \(b)") }
        if let lr = sa.learningRate, !(lr > 0 && lr.isFinite) { throw ParameterError("learning_rate", "must be positive; got \(lr)") }
        if !(sa.logitLearningRate > 0 && sa.logitLearningRate.isFinite) {
            throw ParameterError("logit_learning_rate", "must be positive; got \(sa.logitLearningRate)")
        }
        if !(sa.warmupFraction >= 0 && sa.warmupFraction < 1) {
            throw ParameterError("warmup", "must be in [0, 1); got \(sa.warmupFraction)")
        }
        if !(sa.weightDecay >= 0 && sa.weightDecay.isFinite) {
            throw ParameterError("weight_decay", "must be 0 or more; got \(sa.weightDecay)")
        }
        try screen.validate()
    }
}
