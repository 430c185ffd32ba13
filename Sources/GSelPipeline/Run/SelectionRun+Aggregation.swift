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
        // Consensus over slots of near-substitutes (features only: groups are never merged).
        // docs/consensus-ranking.md has the rule and the measurements behind it.
        let tau = SubstituteGraph.defaultMinimumCorrelation
        // A single fit's picks are its ranking: nothing to merge.
        let graph = input.groups == nil && parameters.repeats > 0
            ? SubstituteGraph(data: trainData, features: stabilityFits.flatMap { $0.picks.map(\.feature) }, minimumCorrelation: tau)
            : SubstituteGraph(minimumCorrelation: tau, correlations: [])
        let slots = SubstituteSlots(fits: stabilityFits, graph: graph, featureCount: p, q: q, threshold: parameters.threshold)
        let chosen = slots.top(k)
        var entries = chosen.map {
            StabilityRanking.Entry(feature: $0.representative, frequency: $0.frequency, stable: $0.stable,
                                   meanSelectionOrder: $0.meanSelectionOrder, meanScore: $0.meanScore)
        }
        var proxies = chosen.map { slot in
            slot.members.count > 1 ? slot.members.map { RunResult.Proxy(unit: $0.feature, share: slot.share($0)) } : []
        }
        if entries.count < k && !(parameters.repeats == 0 && reference.stopReason != nil) {
            // Fewer slots were formed than k: complete the list by the marginal baseline
            // (skipping members of the chosen slots), marked with frequency 0.
            let present = Set(chosen.flatMap { $0.members.map(\.feature) })
            for j in marginalOrder where !present.contains(j) && entries.count < k {
                entries.append(.init(feature: j, frequency: 0, stable: false, meanSelectionOrder: .nan, meanScore: .nan))
                proxies.append([])
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
        return RunResult(ranking: ranking, slots: slots, entries: entries, proxies: proxies, effects: effects, representatives: representatives,
                         reference: reference, plan: stabilityFits.first?.plan, screenedTo: stabilityFits.first?.screenedTo,
                         evaluation: evaluation, marginalScores: marginalScores, trainData: trainData,
                         aggregateSeconds: Date().timeIntervalSince(start))
    }
}
