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
    /// Whether the row came from the fits (not from the marginal fill).
    public var picked: Bool { !meanSelectionOrder.isNaN }

    /// Equal fields, counting NaN (a fill row's order and score) as equal to NaN.
    public static func == (a: RankedEntry, b: RankedEntry) -> Bool {
        func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
        return a.unit == b.unit && a.frequency == b.frequency && a.fullFrequency == b.fullFrequency && a.support == b.support
            && a.stable == b.stable && same(a.meanSelectionOrder, b.meanSelectionOrder) && same(a.meanScore, b.meanScore)
            && a.members == b.members && a.included == b.included
    }
}

extension ConsensusRanking {
    /// The final k rows: the top slots, completed (when fewer than k slots were formed) by
    /// `fill`, a fallback order such as the marginal baseline's, skipping members of the
    /// chosen slots; fill rows have frequency 0.
    public func entries(k: Int, fill: [Int] = []) -> [RankedEntry] {
        let chosen = top(k)
        var rows = chosen.map { slot in
            var row = RankedEntry(unit: slot.representative, frequency: slot.frequency, fullFrequency: slot.fullFrequency, support: slot.support,
                                  stable: slot.stable, meanSelectionOrder: slot.meanSelectionOrder, meanScore: slot.meanScore,
                                  members: slot.members.count > 1 ? slot.members.map { .init(unit: $0.feature, share: slot.share($0)) } : [])
            row.included = slot.included
            return row
        }
        let present = Set(chosen.flatMap { $0.members.map(\.feature) })
        for j in fill where rows.count < k && !present.contains(j) {
            rows.append(RankedEntry(unit: j, frequency: 0, fullFrequency: fullFitCount > 0 ? 0 : nil, support: 0, stable: false,
                                    meanSelectionOrder: .nan, meanScore: .nan, members: []))
        }
        return rows
    }
}
