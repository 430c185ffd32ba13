/// Costs in a Sequential Attention fit (docs/costs-and-budget.md): at the end of a phase the
/// attention weights are the scores and their excess over the uniform share 1/|U| (U: the
/// unselected units still in the softmax) the gains of `CostBudget.pick`; a unit the budget
/// can no longer afford has logit −∞ (`resetLogits`), so it holds no attention and the
/// network no longer sees it; the fit stops when no unit is affordable.
extension AttentionTrainer {
    /// Up to `count` picks by the cost rule from the weights of this phase's end (`live`:
    /// the units in the softmax); adds their costs to `spent`.
    mutating func budgetedPicks(_ count: Int, live: Int) -> [Int] {
        guard let costs else { return [] }
        let uniform = 1 / Double(max(live, 1))
        var scores = [Double](repeating: 0, count: units), gains = scores
        var available = [Bool](repeating: false, count: units)
        for j in 0 ..< units where !selected[j] && logits[j] > -.infinity {
            scores[j] = Double(weights[j])
            gains[j] = max(scores[j] - uniform, 0)
            available[j] = true
        }
        var chosen: [Int] = []
        while chosen.count < count, let j = costs.pick(gains: gains, scores: scores, available: available, spent: spent) {
            chosen.append(j)
            available[j] = false
            spent += costs.costs[j]
        }
        return chosen
    }

    /// Why the fit stops after `picked` picks: nothing left is affordable (nil without a
    /// budget, at k picks, or while a unit still fits).
    func budgetStop(picked: Int) -> String? {
        guard let costs, costs.budget != nil, picked < k else { return nil }
        if (0 ..< units).contains(where: { !selected[$0] && costs.fits($0, spent: spent) }) { return nil }
        return costs.stopReason(picked: picked, spent: spent)
    }
}
