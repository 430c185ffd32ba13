import GSelCore
import GSelReport

extension RunOutputs {
    /// What the Meinshausen–Bühlmann bound of run.json and the report assumes, at slot level.
    static let slotBoundAssumptions = "Meinshausen-Buhlmann (2010) bound at slot level, E[V] <= qbar^2 / ((2*threshold - 1) * P): "
        + "P slots (slots of substitutes plus every never-picked feature), qbar the mean number of slots a fit fills; "
        + "it assumes that the noise slots are exchangeable and that the selector is not worse than random guessing; "
        + "the slots are formed from the same fits and training data, which the theorem does not cover"

    /// How the slots of ranking.tsv are ordered, and which fits the bound is about (run.json).
    static let rankingRule = "slots by support: the selection frequency over the 2B half-sample stability fits; "
        + "correlated features that the fits pick together (at least \(ConsensusRanking.minimumCoPicks) fits and above half of chance) "
        + "are complements and keep separate slots, and a complement's support also counts the full-split fits "
        + "(whole training split, own random streams): its support is (\(ConsensusRanking.supportWeights.stability) x stability frequency + \(ConsensusRanking.supportWeights.fullSplit) x full-split frequency) / \(ConsensusRanking.supportWeights.stability + ConsensusRanking.supportWeights.fullSplit); "
        + "the stable set and the bound use the stability fits only"

    /// A fraction as a percentage with at most one decimal: 0.64 -> "64", 0.605 -> "60.5".
    static func percent(_ fraction: Double) -> String {
        let tenths = (fraction * 1000).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10))" : "\(tenths / 10)"
    }

    /// Which slots form the stable set, or why it is empty, in words (run.json and the report).
    func stableSetNote() -> String? {
        stableSetSentences().map { note in
            guard let stop = result.stop else { return note }
            return note + " The consensus used \(stop.pairs) complementary pairs (--repeats auto, "
                + (stop.settled ? "stopped when further pairs were unlikely to change the top \(run.rankedCount) or the stable set)."
                    : "stopped at the cap of \(AdaptiveRepeats.maximumPairs) pairs; \(stop.possibleSwaps) rows near the k-th place could still swap with slots just outside).")
        }
    }

    private func stableSetSentences() -> String? {
        let slots = result.slots
        guard !parameters.singleFit, let top = slots.slots.first else { return nil }
        func describe(_ s: ConsensusRanking.Slot) -> String {
            let others = s.members.count - 1
            return "\(units.name(s.representative))"
                + (others > 0 ? " (with \(others) substitute\(others == 1 ? "" : "s"))" : "")
                + " in \(Self.percent(s.frequency)) % of the fits"
        }
        let percent = Self.percent(slots.threshold)
        let substitutes = "\(units.noun) with |r| >= \(slots.minimumCorrelation) on the training split count as one slot"
        if slots.stableCount == 0 {
            return "The stable set is empty: no slot was picked in at least \(percent) % of the \(slots.fitCount) fits; "
                + "the most frequent, \(describe(top)), falls short. The fits picked \(slots.pickedFeatureCount) different "
                + "\(units.noun) in \(slots.slots.count) slots (\(substitutes)), so the evidence is spread over many weak "
                + "or interchangeable \(units.noun) rather than a few that every half of the samples agrees on; "
                + "read the ranking as a list of candidates, not as a confirmed set."
        }
        let stable = slots.slots.filter(\.stable)
        return "The stable set holds \(stable.count) slot\(stable.count == 1 ? "" : "s") picked in at least \(percent) % "
            + "of the \(slots.fitCount) fits (\(substitutes)): " + stable.prefix(5).map(describe).joined(separator: "; ")
            + (stable.count > 5 ? "; and \(stable.count - 5) more." : ".")
    }
}
