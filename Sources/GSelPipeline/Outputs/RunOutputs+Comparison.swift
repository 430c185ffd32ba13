import GSelCore

extension RunOutputs {
    /// gsel's ranking against the marginal baseline at the largest k' both were evaluated
    /// at (normally k; with a budget, each whole list: the two panels the budget buys), on the task's headline metric (`HeldOutMetric.headline`): a paired
    /// bootstrap of the difference gsel − baseline on the validation samples. The held-out
    /// set separates the two when the difference's 95 % interval excludes 0. Nil without
    /// evaluation, or with `--method marginal` (the two rankings are the same).
    func heldOutComparison() -> (method: EvaluationRow, baseline: EvaluationRow, metric: HeldOutMetric,
                                 difference: Double, interval: MetricInterval)? {
        guard parameters.method != .marginal else { return nil }
        let metric = HeldOutMetric.headline(classification: input.task == .classification)
        let gsel = result.evaluation.filter { $0.method == "gsel-\(parameters.method.rawValue)" }
        let marginal = result.evaluation.filter { $0.method == "marginal" }
        let pair: (EvaluationRow, EvaluationRow)?
        if parameters.budget != nil {
            pair = gsel.max { $0.k < $1.k }.flatMap { a in marginal.max { $0.k < $1.k }.map { (a, $0) } }
        } else {
            pair = Set(gsel.map(\.k)).intersection(marginal.map(\.k)).max()
                .flatMap { k in gsel.first { $0.k == k }.flatMap { a in marginal.first { $0.k == k }.map { (a, $0) } } }
        }
        guard let (a, b) = pair, let d = HeldOutBootstrap.difference(a, b, metric: metric) else { return nil }
        return (method: a, baseline: b, metric: metric, difference: d.difference, interval: d.interval)
    }
}
