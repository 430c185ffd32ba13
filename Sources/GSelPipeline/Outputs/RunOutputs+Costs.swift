import GSelCore
import GSelIO
import GSelReport

/// Costs in the outputs (`--costs`, `--budget`; docs/costs-and-budget.md): the cost of every
/// evaluated list prefix and its Pareto front (evaluation.tsv, the report's cost curve), and
/// run.json's `costs` record.
extension RunOutputs {
    /// The list the evaluation row `method` scored: gsel's ranking or the marginal baseline's.
    private func evaluatedUnits(_ method: String) -> [Int] {
        method == "marginal" ? result.marginalOrder : method == HeldOutEvaluation.covariatesOnly ? [] : result.entries.map(\.unit)
    }

    /// Per row of `result.evaluation`: what its k' features cost together, and whether it is on
    /// its method's cost–metric Pareto front (the task's headline metric; no cheaper prefix
    /// of the same list scores as well). Nil without costs.
    func costCurve() -> [(cost: Double, front: Bool)]? {
        guard let costs = input.costs?.costs else { return nil }
        let metric = HeldOutMetric.headline(classification: input.task == .classification)
        let rows = result.evaluation
        let cost = rows.map { r in Self.cleanSum(evaluatedUnits(r.method).prefix(r.k).reduce(0) { $0 + costs[$1] }) }
        var front = [Bool](repeating: false, count: rows.count)
        for method in Set(rows.map(\.method)) {
            let mine = rows.indices.filter { rows[$0].method == method }
            let flags = HeldOutEvaluation.paretoFront(mine.map { (cost: cost[$0], value: rows[$0].value(metric)) })
            for (i, flag) in zip(mine, flags) { front[i] = flag }
        }
        return zip(cost, front).map { (cost: $0, front: $1) }
    }

    /// What the ranked rows cost together (nil without costs).
    var rankingCost: Double? {
        input.costs.map { c in Self.cleanSum(result.entries.reduce(0) { $0 + c.costs[$1.unit] }) }
    }

    /// run.json's `costs`: the table and its checksum, the budget, the rule, what the ranking
    /// spent; null without costs.
    func costRecord() -> JSONValue {
        guard let table = input.costs, let costs = parameters.costs else { return .null }
        let fields: [(String, JSONValue)] = [
            ("path", .string(costs.file)), ("sha256", JSONValue(input.sources.costs?.sha256)),
            ("budget", parameters.budget.map(JSONValue.number) ?? .null),
            ("rule", .string(costs.rule.rawValue)), ("rule_resolved", .string(costs.rule.resolved(for: parameters.method).rawValue)),
            ("rule_description", .string(costs.ruleDescription(for: parameters.method))),
            ("baseline_rule", .string(costs.rule.resolved(for: .marginal).rawValue)),
            ("unlisted_feature_cost", costs.missingCost.map(JSONValue.number) ?? .string("error (--require-costs)")),
            ("listed_features", .int(table.listed)), ("unlisted_features", .int(table.defaulted)),
            ("ranking_cost", rankingCost.map(JSONValue.number) ?? .null),
            ("pareto_metric", .string(HeldOutMetric.headline(classification: input.task == .classification).rawValue)),
        ]
        return .object(fields.map { (key: $0.0, value: $0.1) })
    }

    /// A sentence on the costs for the report's notes.
    func costNote() -> String? {
        guard let costs = parameters.costs, let spent = rankingCost else { return nil }
        let budget = parameters.budget.map { " of the budget \(CostBudget.text($0))" } ?? " (no budget)"
        return "Costs from \(costs.file): the \(result.entries.count) ranked features cost \(CostBudget.text(spent))\(budget); picks by the \(costs.ruleDescription(for: parameters.method)) (docs/costs-and-budget.md); the marginal baseline by \(costs.rule.resolved(for: .marginal).rawValue) within the same budget."
    }
}
