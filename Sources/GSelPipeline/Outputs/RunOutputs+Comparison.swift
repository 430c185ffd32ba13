import GSelCore

extension RunOutputs {
    /// gsel's ranking against the marginal baseline at the largest k' both were evaluated
    /// at (normally k), on the task's headline metric (`HeldOutMetric.headline`): a paired
    /// bootstrap of the difference gsel − baseline on the validation samples. The held-out
    /// set separates the two when the difference's 95 % interval excludes 0. Nil without
    /// evaluation, or with `--method marginal` (the two rankings are the same).
    func heldOutComparison() -> (method: EvaluationRow, baseline: EvaluationRow, metric: HeldOutMetric,
                                 difference: Double, interval: MetricInterval)? {
        guard parameters.method != .marginal else { return nil }
        let metric = HeldOutMetric.headline(classification: input.task == .classification)
        let gsel = result.evaluation.filter { $0.method == "gsel-\(parameters.method.rawValue)" }
        let marginal = result.evaluation.filter { $0.method == "marginal" }
        guard let k = Set(gsel.map(\.k)).intersection(marginal.map(\.k)).max(),
              let a = gsel.first(where: { $0.k == k }), let b = marginal.first(where: { $0.k == k }),
              let d = HeldOutBootstrap.difference(a, b, metric: metric) else { return nil }
        return (method: a, baseline: b, metric: metric, difference: d.difference, interval: d.interval)
    }
}
