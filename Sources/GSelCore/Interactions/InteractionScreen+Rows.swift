extension InteractionScreen.Result {
    /// The k rows of a ranking with the accepted pairs in it: a pair member that a kept row
    /// holds (as its feature or a slot member) marks that row `interactsWith` its partner;
    /// every other member gets a row of its own at the end, in the place of the lowest
    /// rows, with its own frequencies from `perFeature` (the consensus per feature; zero
    /// when no fit picked it). Stable and included rows are never displaced: a pair that
    /// would need their places is left out of the rows (it stays in the screen's result).
    public func rows(_ entries: [RankedEntry], k: Int, perFeature: ConsensusRanking) -> [RankedEntry] {
        guard !pairs.isEmpty else { return entries }
        let protected = (entries.prefix(k).lastIndex { $0.stable || $0.included } ?? -1) + 1
        var admitted: [InteractionScreen.Pair] = []
        var kept = min(k, entries.count)
        for pair in pairs {
            let trial = admitted + [pair]
            var keep = min(k, entries.count)
            while true {
                let next = min(entries.count, k - Self.missing(trial, from: entries.prefix(keep)).count)
                if next >= keep { break }
                keep = next
            }
            guard keep >= protected else { continue }
            admitted = trial
            kept = keep
        }
        var rows = Array(entries.prefix(kept))
        for pair in admitted {
            for (member, partner) in [(pair.first, pair.second), (pair.second, pair.first)] {
                if let i = rows.firstIndex(where: { Self.holds($0, member) }) {
                    if !rows[i].interactsWith.contains(partner) { rows[i].interactsWith.append(partner) }
                } else {
                    var row = perFeature.slots.first { $0.representative == member }.map { slot in
                        RankedEntry(unit: member, frequency: slot.frequency, fullFrequency: slot.fullFrequency, support: slot.support,
                                    stable: false, meanSelectionOrder: slot.meanSelectionOrder, meanScore: slot.meanScore, members: [])
                    } ?? RankedEntry(unit: member, frequency: 0, fullFrequency: perFeature.fullFitCount > 0 ? 0 : nil, support: 0,
                                     stable: false, meanSelectionOrder: .nan, meanScore: .nan, members: [])
                    row.interactsWith = [partner]
                    rows.append(row)
                }
            }
        }
        return rows
    }

    /// Whether `pair` is in `rows`: each member in a row marked with the other.
    public static func listed(_ pair: InteractionScreen.Pair, in rows: [RankedEntry]) -> Bool {
        rows.contains { holds($0, pair.first) && $0.interactsWith.contains(pair.second) }
            && rows.contains { holds($0, pair.second) && $0.interactsWith.contains(pair.first) }
    }

    /// Members of `pairs` that no row of `rows` holds, without repeats.
    private static func missing(_ pairs: [InteractionScreen.Pair], from rows: ArraySlice<RankedEntry>) -> [Int] {
        var out: [Int] = []
        for m in pairs.flatMap({ [$0.first, $0.second] }) where !out.contains(m) && !rows.contains(where: { holds($0, m) }) {
            out.append(m)
        }
        return out
    }

    private static func holds(_ row: RankedEntry, _ feature: Int) -> Bool {
        row.unit == feature || row.members.contains { $0.unit == feature }
    }
}
