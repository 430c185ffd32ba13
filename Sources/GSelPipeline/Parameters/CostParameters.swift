import GSelCore
import GSelIO

/// What features cost (`--costs FILE`) and how picks weigh it (`--cost-rule`): part of
/// `SelectionParameters`, nil there when a run has no costs, so such runs keep the
/// parameters (and fingerprint) they had before costs existed. The budget is
/// `SelectionParameters.budget`.
public struct CostParameters: Codable, Sendable, Equatable {
    /// The `feature_id cost` table (`FeatureCosts`). Recorded, but compared by checksum (`RunManifest`).
    public var file: String
    /// How a pick weighs gain against cost (`auto`: by method, `CostRule.resolved(for:)`).
    public var rule: CostRule = .auto
    /// Every feature must be in the file (`--require-costs`); else an unlisted one costs
    /// `defaultCost`.
    public var requireAll = false

    /// What a feature the file does not list costs.
    public static let defaultCost = 1.0

    public init(file: String, rule: CostRule = .auto, requireAll: Bool = false) {
        self.file = file
        self.rule = rule
        self.requireAll = requireAll
    }

    /// The cost an unlisted feature gets; nil = an error.
    public var missingCost: Double? { requireAll ? nil : Self.defaultCost }

    /// The rule `method` picks by, in words, for run.json and the report.
    public func ruleDescription(for method: SelectionMethod) -> String {
        let rule = self.rule.resolved(for: method)
        let share = Int((CostBudget.nearShare * 100).rounded())
        let name = self.rule == .auto ? "auto (\(rule.rawValue) for \(method.rawValue))" : rule.rawValue
        switch rule {
        case .auto: preconditionFailure("resolved above")
        case .near: return "\(name): each pick is the cheapest affordable feature among those with at least \(share) % of the best gain"
        case .safeguard: return "\(name): each pick is the first of the better of two packings of the remaining budget, by gain per unit cost or the best single affordable feature"
        case .ratio: return "\(name): each pick is the affordable feature with the largest gain per unit cost"
        case .gain: return "\(name): each pick is the affordable feature the method would pick without costs"
        }
    }
}
