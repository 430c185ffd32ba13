import Foundation
import GSelCore
import GSelIO

extension SelectionRun {
    /// Aggregates all fits into the final result: the consensus ranking (or the reference
    /// fit's order with `repeats` 0), effects, and the held-out evaluation against the
    /// marginal baseline (its refits on `threads` threads; the rows do not depend on it).
    /// `stop` is where an adaptive run stopped (nil with a fixed `repeats`).
    public func aggregate(_ fits: [FitRecord], stop: AdaptiveRepeats.Check? = nil, threads: Int = 1) throws -> RunResult {
        let start = Date()
        let k = rankedCount
        guard let reference = fits.first(where: { $0.id.isReference }) else {
            preconditionFailure("the reference fit is always run before aggregation")
        }
        let (trainData, validData) = splits()
        let stabilityFits = families(fits).stability
        let ranking = consensus(fits, trainData: trainData, slots: false)
        let slots = consensus(fits, trainData: trainData, slots: true)
        let trainTarget = input.target.subset(train)
        let marginalScores = try MarginalSelector.scores(trainData, target: trainTarget)
        // The baseline also starts from the included features (as `--method marginal` does),
        // and with costs picks by the same rule within the same budget.
        let marginalOrder = input.costBudget(parameters, method: .marginal)
            .map { MarginalSelector.ranking(marginalScores, target: trainTarget, included: input.included, costs: $0, count: k) }
            ?? MarginalSelector.ranking(input.groups.map { MarginalSelector.groupScores(marginalScores, groups: $0) } ?? marginalScores,
                                        included: input.included)
        // Fewer slots than k: the marginal baseline completes the list, unless a single fit
        // stopped early (its stop is the answer). With a budget the rows stay within it.
        var entries = slots.entries(k: k, fill: parameters.singleFit && reference.stopReason != nil ? [] : marginalOrder, costs: costs)
        if let reason = reference.stopReason { log.info("note: \(parameters.method.rawValue) stopped early: \(reason)") }
        let screenStart = Date()
        let interactions = screenInteractions(entries, slots: slots, marginalOrder: marginalOrder, trainData: trainData,
                                              trainTarget: trainTarget, threads: threads)
        let screenSeconds = Date().timeIntervalSince(screenStart)
        if let interactions { entries = interactions.rows(entries, k: k, perFeature: ranking) }
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
                                (method: "marginal", groups: marginalOrder.prefix(k).map(units.members))],
                kValues: costs.map { _ in HeldOutEvaluation.costGrid(upTo: max(entries.count, min(k, marginalOrder.count))) },
                threads: threads)
        }
        var result = RunResult(ranking: ranking, slots: slots, stop: stop, entries: entries, effects: effects, representatives: representatives,
                               reference: reference, plan: stabilityFits.first?.plan, screenedTo: stabilityFits.first?.screenedTo,
                               evaluation: evaluation, marginalScores: marginalScores, trainData: trainData,
                               aggregateSeconds: Date().timeIntervalSince(start))
        result.marginalOrder = Array(marginalOrder.prefix(k))
        result.interactions = interactions
        result.interactionSeconds = interactions.map { _ in screenSeconds }
        return result
    }

    /// The interaction screen on the residual of the ranked rows (`InteractionScreen`), over
    /// the rows' features and slot members, then every other slot's members, then the
    /// marginal order; nil when the run does not screen (`screensInteractions`, k < 4).
    func screenInteractions(_ entries: [RankedEntry], slots: ConsensusRanking, marginalOrder: [Int], trainData: StandardizedData,
                            trainTarget: Target, threads: Int) -> InteractionScreen.Result? {
        let pairs = InteractionScreen.maximumPairs(k: rankedCount)
        guard parameters.screensInteractions(grouped: input.groups != nil), pairs > 0 else { return nil }
        let candidates = entries.flatMap { [$0.unit] + $0.members.map(\.unit) } + slots.slots.flatMap { $0.members.map(\.feature) }
            + marginalOrder
        var slotOf: [Int: Int] = [:]
        for (s, slot) in slots.slots.enumerated() where slot.members.count > 1 {
            for m in slot.members { slotOf[m.feature] = s }
        }
        let result = InteractionScreen.run(train: trainData, target: trainTarget, model: entries.map(\.unit), candidates: candidates,
                                           slots: slotOf, maximumPairs: pairs, seed: parameters.seed, threads: threads)
        let found = result.pairs.map { "\(units.id($0.first)) x \(units.id($0.second)) (|T| \(String(format: "%.1f", $0.statistic)))" }
        log.info("interaction screen: \(result.candidates) features in pairs on \(result.samples) samples, threshold |T| > \(String(format: "%.2f", result.threshold)); "
                 + (found.isEmpty ? "no pair passed" : "pairs " + found.joined(separator: ", ")))
        return result
    }

    /// The consensus of `fits` (docs/consensus-ranking.md): with `slots`, over slots of
    /// substitutes on `trainData` (features only: groups are never merged); else per feature.
    /// With repeats 0 the reference fit's picks are the ranking; else the stability fits
    /// (halves) rank the slots and the full-split fits also vote for complements.
    func consensus(_ fits: [FitRecord], trainData: StandardizedData, slots: Bool) -> ConsensusRanking {
        let (stabilityFits, fullFits) = families(fits)
        let graph = slots && input.groups == nil && !parameters.singleFit
            ? SubstituteGraph(data: trainData, features: fits.flatMap { $0.picks.map(\.feature) },
                              minimumCorrelation: SubstituteGraph.defaultMinimumCorrelation)
            : SubstituteGraph(minimumCorrelation: SubstituteGraph.defaultMinimumCorrelation, correlations: [])
        return ConsensusRanking(stabilityFits: stabilityFits, fullFits: fullFits, graph: graph,
                                featureCount: units.count, q: q, threshold: parameters.threshold, included: input.included)
    }

    /// The two families of fits: with repeats 0 the reference fit alone ranks; else the halves
    /// are the stability fits and the full-split fits vote beside them.
    func families(_ fits: [FitRecord]) -> (stability: [FitRecord], full: [FitRecord]) {
        parameters.singleFit ? (fits.filter(\.id.isReference), [])
            : (fits.filter { !$0.id.isFullSplit }, fits.filter(\.id.isFullSplit))
    }
}
