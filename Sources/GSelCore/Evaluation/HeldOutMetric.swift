/// The held-out metrics, in evaluation.tsv's column order; the raw value is the column name.
public enum HeldOutMetric: String, Sendable, CaseIterable, Codable {
    case accuracy
    case balancedAccuracy = "balanced_accuracy"
    case auroc
    case r2
    /// Classification: mean per-class F1 (`Metrics.macroF1`); last, so evaluation.tsv's
    /// earlier columns keep their places.
    case macroF1 = "macro_f1"

    /// The metric that summarises a task: balanced accuracy (classification) or R² (regression).
    public static func headline(classification: Bool) -> HeldOutMetric { classification ? .balancedAccuracy : .r2 }

    /// Name as people read it: "accuracy", "balanced accuracy", "AUROC", "R²", "macro-F1".
    public var displayName: String {
        switch self {
        case .accuracy: return "accuracy"
        case .balancedAccuracy: return "balanced accuracy"
        case .auroc: return "AUROC"
        case .r2: return "R²"
        case .macroF1: return "macro-F1"
        }
    }
}
