import GSelIO

/// The selection methods a run can use: Sequential Attention (the default), orthogonal
/// matching pursuit (the linear oracle) and the univariate baseline.
public enum SelectionMethod: String, Sendable, Codable, CaseIterable {
    case sa, omp, marginal

    /// The selector for this method. `config` is used by Sequential Attention only;
    /// `groups` switches SA and marginal to group selection (OMP does not support groups);
    /// `included` features are every fit's first picks (`--include`), k counting them;
    /// `costs` weigh every pick and bound the total (`--costs`, `--budget`).
    public func selector(config: SequentialAttentionConfig, groups: FeatureGroups?,
                         included: [Int] = [], costs: CostBudget? = nil) -> any FeatureSelector {
        switch self {
        case .sa: return SequentialAttention(config: config, groups: groups, included: included, costs: costs)
        case .omp: return OrthogonalMatchingPursuit(included: included, costs: costs)
        case .marginal: return MarginalSelector(groups: groups, included: included, costs: costs)
        }
    }

    /// Whether the method can select feature groups.
    public var supportsGroups: Bool { self != .omp }

    /// What a pick's score is, as a column name: the attention weight (SA), the residual
    /// correlation (OMP), or the F statistic / |r| (marginal).
    public func scoreName(for task: TaskKind) -> String {
        switch self {
        case .sa: return "attention_weight"
        case .omp: return "residual_correlation"
        case .marginal: return task == .classification ? "f_statistic" : "abs_correlation"
        }
    }

    /// The score's title for people ("Attention weight").
    public func scoreTitle(for task: TaskKind) -> String {
        switch self {
        case .sa: return "Attention weight"
        case .omp: return "Residual correlation"
        case .marginal: return task == .classification ? "F statistic" : "|r|"
        }
    }

    /// What the score is, as the end of a sentence "<title> is ...", for a run with or
    /// without covariates.
    public func scoreDescription(for task: TaskKind, covariates: Bool = false) -> String {
        let mean = " (mean over the fits that picked it)"
        switch self {
        case .sa: return "the share of the softmax attention the feature held among the unselected ones when it was picked"
            + (covariates ? ", with the covariates always in the model" : "") + mean
        case .omp: return "the feature's correlation with the residual of the \(covariates ? "covariates and the " : "")features picked before it, when it was picked" + mean
        case .marginal:
            if covariates {
                return (task == .classification
                    ? "the partial F statistic of the classes on the feature given the covariates (ANCOVA), on the fit's samples"
                    : "the absolute partial correlation of the feature with the trait given the covariates, on the fit's samples") + mean
            }
            return (task == .classification
                ? "the one-way ANOVA F statistic of the feature across the classes on the fit's samples"
                : "the absolute Pearson correlation of the feature with the trait on the fit's samples") + mean
        }
    }
}
