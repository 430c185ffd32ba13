import GSelIO

/// Checks shared by every selector before it touches the data, and the one rule for how
/// many units a selection picks (k, q: `requirePickCount`).
public enum SelectionRequest {
    /// Throws a `ParameterError` for `parameter` (k or q) when `count` is below 1 or, when
    /// `candidates` is known, larger than their number (`noun`: features or groups). The run
    /// parameters check the first (`SelectionParameters.validate`), the run the second against
    /// its input (`SelectionRun`), and every selector both against its data (`validate`).
    /// `shown` replaces the count in the message, `context` follows it.
    public static func requirePickCount(_ count: Int, parameter: String, candidates: Int? = nil, noun: String = "features",
                                        shown: String? = nil, context: String = "") throws {
        guard count >= 1 else { throw ParameterError(parameter, "must be at least 1; got \(count)") }
        if let candidates, count > candidates {
            throw ParameterError(parameter, "\(shown ?? String(count)) is larger than the number of \(noun) (\(candidates))\(context)")
        }
    }

    /// Throws an `InputError` when the target does not fit the data, there are fewer than 2
    /// samples or `groups` do not cover the data, and a `ParameterError` when `k` is not in
    /// 1 ... candidates (features or groups; covariates are never candidates: `requirePickCount`).
    /// `included` (features selected before the first pick) must be distinct candidates, at
    /// most k of them, and cannot be combined with groups. `costs` (never with groups) give
    /// every candidate a finite cost > 0, and the included features must fit the budget.
    static func validate(_ data: StandardizedData, target: Target, k: Int, groups: FeatureGroups? = nil,
                         included: [Int] = [], costs: CostBudget? = nil, method: String) throws {
        guard target.count == data.sampleCount else {
            throw InputError(file: "", "\(method): the target has \(target.count) values but the data has \(data.sampleCount) samples")
        }
        guard data.sampleCount >= 2 else {
            throw InputError(file: "", "\(method): at least 2 samples are needed to select features, found \(data.sampleCount)")
        }
        if let groups, groups.featureCount != data.candidateCount {
            throw InputError(file: "", "\(method): the feature groups cover \(groups.featureCount) features but the data has \(data.candidateCount)")
        }
        try requirePickCount(k, parameter: "k", candidates: groups?.count ?? data.candidateCount,
                             noun: groups == nil ? "features" : "groups", context: " for \(method)")
        if let costs { try validate(costs, data: data, groups: groups, included: included, method: method) }
        guard !included.isEmpty else { return }
        if groups != nil { throw ParameterError("include", "cannot be combined with feature groups in \(method)") }
        if let j = included.first(where: { !(0 ..< data.candidateCount).contains($0) }) {
            throw ParameterError("include", "feature \(j) is not a candidate (\(data.candidateCount) features) in \(method)")
        }
        if Set(included).count != included.count { throw ParameterError("include", "lists a feature twice in \(method)") }
        if included.count > k {
            throw ParameterError("include", "lists \(included.count) features, more than the \(k) picks of \(method)")
        }
    }

    private static func validate(_ costs: CostBudget, data: StandardizedData, groups: FeatureGroups?,
                                 included: [Int], method: String) throws {
        if groups != nil { throw ParameterError("costs", "cannot be combined with feature groups in \(method)") }
        guard costs.costs.count == data.candidateCount else {
            throw ParameterError("costs", "gives \(costs.costs.count) costs for \(data.candidateCount) features in \(method)")
        }
        if let j = costs.costs.indices.first(where: { !(costs.costs[$0] > 0 && costs.costs[$0].isFinite) }) {
            throw ParameterError("costs", "feature \(j) costs \(costs.costs[j]); expected a finite cost > 0")
        }
        if let budget = costs.budget {
            guard budget > 0 && budget.isFinite else { throw ParameterError("budget", "must be a finite number > 0; got \(budget)") }
            let spent = costs.cost(of: included.filter { (0 ..< data.candidateCount).contains($0) })
            if spent > budget * (1 + CostBudget.tolerance) {
                throw ParameterError("budget", "\(CostBudget.text(budget)) is less than the included features cost (\(CostBudget.text(spent))) in \(method)")
            }
        }
    }
}
