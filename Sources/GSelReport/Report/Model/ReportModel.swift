import GSelIO

/// Everything the HTML report shows, as plain values. Optional parts that are nil or
/// empty (no stability selection, regression, no VCF input ...) drop their section.
public struct ReportModel: Sendable {
    /// Page title, e.g. "gsel: 20 genes for ALL vs AML".
    public var title: String
    /// Tool version line, e.g. "gsel 0.1.0 (HDF5 1.10.8)".
    public var version: String
    /// The full command as typed.
    public var commandLine: String
    /// Input file path as given.
    public var inputPath: String
    /// Detected input format, e.g. "AnnData (.h5ad)", "VCF".
    public var inputFormat: String
    /// Samples used after dropping unlabelled ones.
    public var samples: Int
    /// Features in the input (after QC filters).
    public var features: Int
    public var task: TaskKind
    /// Samples per class (classification only; empty otherwise).
    public var classCounts: [(label: String, count: Int)]
    /// Covariates every fit included and how each was encoded, e.g. ("batch", "categorical,
    /// one-hot against reference level b1"); empty without covariates.
    public var covariates: [(name: String, encoding: String)]
    /// Run parameters in display order, e.g. ("k", "20"), ("repeats", "50").
    public var parameters: [(name: String, value: String)]
    /// Wall-clock time per stage in seconds, e.g. ("read input", 1.2).
    public var timings: [(name: String, seconds: Double)]
    /// The ranked features, best first.
    public var ranking: [RankingRow]
    /// What `RankingRow.score` is, as a column title ("Attention weight", "F statistic").
    public var scoreTitle: String
    /// One sentence explaining the score for the ranking table.
    public var scoreExplanation: String
    /// Stability-selection threshold on the selection frequency, when stability selection ran.
    public var threshold: Double?
    /// Meinshausen–Bühlmann bound on the expected number of falsely selected features, E[V].
    public var errorBound: Double?
    /// What the stable set holds or why it is empty, and what the bound assumes (plain text).
    public var stabilityNote: String?
    /// Held-out metrics per method and k'.
    public var evaluation: [EvaluationRow]
    /// gsel against the baseline at k on the held-out samples, when both were evaluated.
    public var heldOutComparison: HeldOutComparison?
    /// Held-out confusion matrix of gsel's top k (classification with evaluation only).
    public var confusion: ClassConfusion?
    /// With costs (`--costs`): the metric the evaluation rows' Pareto front is on, and the
    /// budget (nil: none); the evaluation section then draws metric against cost.
    public var costMetric: String?
    public var budget: Double?
    /// The interaction screen; nil when the run did not screen.
    public var interactions: Interactions?
    /// Attention of the leading candidates at each pick (Sequential Attention only).
    public var attentionSnapshots: [AttentionSnapshot]
    /// Correlations between the selected features, in ranking order.
    public var correlation: CorrelationMatrix?
    /// Variant positions with their selection frequency (VCF input only).
    public var manhattan: [ManhattanPoint]?
    /// Warnings and remarks shown at the top of the report (dropped samples, early stops ...).
    public var notes: [String]

    public init(title: String, version: String, commandLine: String, inputPath: String, inputFormat: String,
                samples: Int, features: Int, task: TaskKind, classCounts: [(label: String, count: Int)] = [],
                covariates: [(name: String, encoding: String)] = [],
                parameters: [(name: String, value: String)] = [], timings: [(name: String, seconds: Double)] = [],
                ranking: [RankingRow], scoreTitle: String = "Attention weight",
                scoreExplanation: String = "the share of the model's attention the feature held when it was picked",
                threshold: Double? = nil, errorBound: Double? = nil, stabilityNote: String? = nil,
                evaluation: [EvaluationRow] = [], heldOutComparison: HeldOutComparison? = nil,
                confusion: ClassConfusion? = nil, attentionSnapshots: [AttentionSnapshot] = [],
                correlation: CorrelationMatrix? = nil, manhattan: [ManhattanPoint]? = nil, notes: [String] = []) {
        self.title = title
        self.version = version
        self.commandLine = commandLine
        self.inputPath = inputPath
        self.inputFormat = inputFormat
        self.samples = samples
        self.features = features
        self.task = task
        self.classCounts = classCounts
        self.covariates = covariates
        self.parameters = parameters
        self.timings = timings
        self.ranking = ranking
        self.scoreTitle = scoreTitle
        self.scoreExplanation = scoreExplanation
        self.threshold = threshold
        self.errorBound = errorBound
        self.stabilityNote = stabilityNote
        self.evaluation = evaluation
        self.heldOutComparison = heldOutComparison
        self.confusion = confusion
        self.attentionSnapshots = attentionSnapshots
        self.correlation = correlation
        self.manhattan = manhattan
        self.notes = notes
    }

    /// Number of ranked features marked stable, or nil when no row carries a stability flag.
    public var stableCount: Int? {
        let flags = ranking.compactMap(\.stable)
        return flags.isEmpty ? nil : flags.filter { $0 }.count
    }
}
