import Foundation
import GSelCore
import GSelIO

extension SelectionRun {
    /// Aggregates all fits into the final result: the stability ranking (or the reference
    /// fit's order with `repeats` 0), effects, and the held-out evaluation against the
    /// marginal baseline (its refits on `threads` threads; the rows do not depend on it).
    public func aggregate(_ fits: [FitRecord], threads: Int = 1) throws -> RunResult {
        let start = Date()
        let p = units.count, k = parameters.k
        guard let reference = fits.first(where: { $0.id.isReference }) else {
            preconditionFailure("the reference fit is always run before aggregation")
        }
        let stabilityFits = parameters.repeats == 0 ? [reference] : fits.filter { !$0.id.isReference }
        let ranking = StabilityRanking(fits: stabilityFits, featureCount: p, q: q, threshold: parameters.threshold)
        let (trainData, validData) = splits()
        let trainTarget = input.target.subset(train)
        let marginalScores = try MarginalSelector.scores(trainData, target: trainTarget)
        let marginalOrder = MarginalSelector.ranking(
            input.groups.map { MarginalSelector.groupScores(marginalScores, groups: $0) } ?? marginalScores)
        var entries = ranking.top(k)
        if entries.count < k && !(parameters.repeats == 0 && reference.stopReason != nil) {
            // Fewer distinct features were ever picked than k: complete the list by the
            // marginal baseline, marked with frequency 0.
            let present = Set(entries.map(\.feature))
            for j in marginalOrder where !present.contains(j) && entries.count < k {
                entries.append(.init(feature: j, frequency: 0, stable: false, meanSelectionOrder: .nan, meanScore: .nan))
            }
        }
        if let reason = reference.stopReason { log.info("note: \(parameters.method.rawValue) stopped early: \(reason)") }
        // A group shows the effect of its member with the largest marginal statistic.
        let representatives = entries.map { e in
            units.members(e.feature).max { marginalScores[$0] < marginalScores[$1] } ?? e.feature
        }
        let effects = representatives.map { FeatureEffect.of(feature: $0, in: trainData, target: trainTarget) }
        var evaluation: [EvaluationRow] = []
        if let validData {
            evaluation = try HeldOutEvaluation.evaluate(
                train: trainData, trainTarget: trainTarget, validation: validData,
                validationTarget: input.target.subset(validation),
                groupedOrders: [(method: "gsel-\(parameters.method.rawValue)", groups: entries.map { units.members($0.feature) }),
                                (method: "marginal", groups: marginalOrder.prefix(k).map(units.members))], threads: threads)
        }
        return RunResult(ranking: ranking, entries: entries, effects: effects, representatives: representatives,
                         reference: reference, plan: stabilityFits.first?.plan, screenedTo: stabilityFits.first?.screenedTo,
                         evaluation: evaluation, marginalScores: marginalScores, trainData: trainData,
                         aggregateSeconds: Date().timeIntervalSince(start))
    }
}
