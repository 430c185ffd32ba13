/// One row of the final ranking (ranking.tsv, the report, chunk winners): a slot's
/// representative with its frequencies and members, or a unit that no fit picked, added
/// from the marginal baseline to complete k rows.
public struct RankedEntry: Sendable, Equatable {
    /// A member of the row's slot and the fraction of the slot's fits that picked it.
    public struct Member: Sendable, Equatable {
        public var unit: Int
        public var share: Double
    }

    /// The ranked unit (feature, or group with `--groups`).
    public var unit: Int
    /// Fraction of the stability fits that picked the slot (0 for a fill row).
    public var frequency: Double
    /// Fraction of the full-split fits that picked the slot; nil when the run had none.
    public var fullFrequency: Double?
    /// What the rows are ordered by (`ConsensusRanking.Slot.support`; 0 for a fill row).
    public var support: Double
    public var stable: Bool
    /// NaN for a fill row.
    public var meanSelectionOrder: Double
    /// NaN for a fill row.
    public var meanScore: Double
    /// The slot's members with their shares, representative first; empty for a slot of one.
    public var members: [Member]
    /// An included feature (`--include`), selected before every fit's first pick.
    public var included = false
    /// Partners of the interaction pairs this row's feature is in (`InteractionScreen`), in
    /// the order the pairs were accepted; empty for most rows.
    public var interactsWith: [Int] = []
    /// Whether the row came from the fits (not from the marginal fill).
    public var picked: Bool { !meanSelectionOrder.isNaN }

    /// Equal fields, counting NaN (a fill row's order and score) as equal to NaN.
    public static func == (a: RankedEntry, b: RankedEntry) -> Bool {
        func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
        return a.unit == b.unit && a.frequency == b.frequency && a.fullFrequency == b.fullFrequency && a.support == b.support
            && a.stable == b.stable && same(a.meanSelectionOrder, b.meanSelectionOrder) && same(a.meanScore, b.meanScore)
            && a.members == b.members && a.included == b.included && a.interactsWith == b.interactsWith
    }
}

extension ConsensusRanking {
    /// The final k rows: the top slots, completed (when fewer than k slots were formed) by
    /// `fill`, a fallback order such as the marginal baseline's, skipping members of the
    /// chosen slots; fill rows have frequency 0.
    ///
    /// With a budget (`costs`) the slots are taken in order while they fit: a slot whose
    /// representative no longer fits is represented by its cheapest member that does (a
    /// substitute: the fits use it interchangeably), and skipped when none does; fill rows
    /// must fit too. The rows' total cost never exceeds the budget.
    public func entries(k: Int, fill: [Int] = [], costs: CostBudget? = nil) -> [RankedEntry] {
        var rows: [RankedEntry] = [], present = Set<Int>(), spent = 0.0
        for slot in slots where rows.count < k {
            guard let unit = costs.map({ c in Self.affordable(slot, costs: c, spent: spent) }) ?? slot.representative else { continue }
            let ordered = slot.members.filter { $0.feature == unit } + slot.members.filter { $0.feature != unit }
            var row = RankedEntry(unit: unit, frequency: slot.frequency, fullFrequency: slot.fullFrequency, support: slot.support,
                                  stable: slot.stable, meanSelectionOrder: slot.meanSelectionOrder, meanScore: slot.meanScore,
                                  members: slot.members.count > 1 ? ordered.map { .init(unit: $0.feature, share: slot.share($0)) } : [])
            row.included = slot.included
            rows.append(row)
            present.formUnion(slot.members.map(\.feature))
            spent += costs?.costs[unit] ?? 0
        }
        for j in fill where rows.count < k && !present.contains(j) && (costs?.fits(j, spent: spent) ?? true) {
            rows.append(RankedEntry(unit: j, frequency: 0, fullFrequency: fullFitCount > 0 ? 0 : nil, support: 0, stable: false,
                                    meanSelectionOrder: .nan, meanScore: .nan, members: []))
            spent += costs?.costs[j] ?? 0
        }
        return rows
    }

    /// The unit that represents `slot` within the budget: its representative (always for an
    /// included feature), or its cheapest member that fits (on equal cost the most picked,
    /// then the lower index); nil when none fits.
    private static func affordable(_ slot: Slot, costs: CostBudget, spent: Double) -> Int? {
        if slot.included || costs.fits(slot.representative, spent: spent) { return slot.representative }
        return slot.members.filter { costs.fits($0.feature, spent: spent) }
            .min { a, b in
                let ca = costs.costs[a.feature], cb = costs.costs[b.feature]
                return ca != cb ? ca < cb : (a.fits != b.fits ? a.fits > b.fits : a.feature < b.feature)
            }?.feature
    }
}
