import Foundation
import GSelCore
import GSelIO

extension SelectionRun {
    /// Aggregates all fits into the final result: the consensus ranking (or the reference
    /// fit's order with `repeats` 0), effects, and the held-out evaluation against the
    /// marginal baseline (its refits on `threads` threads; the rows do not depend on it).
    public func aggregate(_ fits: [FitRecord], threads: Int = 1) throws -> RunResult {
        let start = Date()
        let p = units.count, k = parameters.k
        guard let reference = fits.first(where: { $0.id.isReference }) else {
            preconditionFailure("the reference fit is always run before aggregation")
        }
        // With repeats 0 the reference fit's picks are the ranking; else the stability fits
        // (halves) rank the slots and the full-split fits also vote for complements
        // (docs/consensus-ranking.md).
        let stabilityFits = parameters.repeats == 0 ? [reference] : fits.filter { !$0.id.isFullSplit }
        let fullFits = parameters.repeats == 0 ? [] : fits.filter(\.id.isFullSplit)
        let noGraph = SubstituteGraph(minimumCorrelation: SubstituteGraph.defaultMinimumCorrelation, correlations: [])
        let ranking = ConsensusRanking(stabilityFits: stabilityFits, fullFits: fullFits, graph: noGraph,
                                       featureCount: p, q: q, threshold: parameters.threshold)
        let (trainData, validData) = splits()
        let trainTarget = input.target.subset(train)
        let marginalScores = try MarginalSelector.scores(trainData, target: trainTarget)
        let marginalOrder = MarginalSelector.ranking(
            input.groups.map { MarginalSelector.groupScores(marginalScores, groups: $0) } ?? marginalScores)
        // Slots of substitutes (features only: groups are never merged; a single fit's picks
        // are its ranking).
        let graph = input.groups == nil && parameters.repeats > 0
            ? SubstituteGraph(data: trainData, features: fits.flatMap { $0.picks.map(\.feature) },
                              minimumCorrelation: SubstituteGraph.defaultMinimumCorrelation)
            : noGraph
        let slots = ConsensusRanking(stabilityFits: stabilityFits, fullFits: fullFits, graph: graph,
                                     featureCount: p, q: q, threshold: parameters.threshold)
        // Fewer slots than k: the marginal baseline completes the list, unless a single fit
        // stopped early (its stop is the answer).
        let entries = slots.entries(k: k, fill: parameters.repeats == 0 && reference.stopReason != nil ? [] : marginalOrder)
        if let reason = reference.stopReason { log.info("note: \(parameters.method.rawValue) stopped early: \(reason)") }
        // A group shows the effect of its member with the largest marginal statistic.
        let representatives = entries.map { e in
            units.members(e.unit).max { marginalScores[$0] < marginalScores[$1] } ?? e.unit
        }
        let effects = representatives.map { FeatureEffect.of(feature: $0, in: trainData, target: trainTarget) }
        var evaluation: [EvaluationRow] = []
        if let validData {
            evaluation = try HeldOutEvaluation.evaluate(
                train: trainData, trainTarget: trainTarget, validation: validData,
                validationTarget: input.target.subset(validation),
                groupedOrders: [(method: "gsel-\(parameters.method.rawValue)", groups: entries.map { units.members($0.unit) }),
                                (method: "marginal", groups: marginalOrder.prefix(k).map(units.members))], threads: threads)
        }
        return RunResult(ranking: ranking, slots: slots, entries: entries, effects: effects, representatives: representatives,
                         reference: reference, plan: stabilityFits.first?.plan, screenedTo: stabilityFits.first?.screenedTo,
                         evaluation: evaluation, marginalScores: marginalScores, trainData: trainData,
                         aggregateSeconds: Date().timeIntervalSince(start))
    }
}
