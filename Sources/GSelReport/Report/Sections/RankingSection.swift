/// The ranking table: one row per ranked feature; columns without any value are left out.
enum RankingSection {
    static func make(_ model: ReportModel) -> ReportSection? {
        let rows = model.ranking
        guard !rows.isEmpty else { return nil }
        let hasNames = rows.contains { $0.featureName != $0.featureID }
        let hasVariants = rows.contains { $0.variant != nil }

        var columns: [(HTMLTable.Column, (ReportModel.RankingRow) -> String)] = [
            (.init("Rank", numeric: true), { String($0.rank) }),
            (.init("Feature ID"), { "<span class=\"id\">\(Markup.escape($0.featureID))</span>" }),
        ]
        if hasNames { columns.append((.init("Name"), { Markup.escape($0.featureName) })) }
        if rows.contains(where: { $0.selectionFrequency != nil }) {
            columns.append((.init("Selection frequency", numeric: true), { row in
                guard let f = row.selectionFrequency, f.isFinite else { return "–" }
                let width = DisplayFormat.fixed(min(1, max(0, f)) * 100, 0)
                return "<span class=\"freq\">\(DisplayFormat.fixed(f, 2))<span class=\"bar\" aria-hidden=\"true\"><span style=\"width:\(width)%\"></span></span></span>"
            }))
        }
        if rows.contains(where: { $0.fullFitFrequency != nil }) {
            columns.append((.init("Full-split fits", numeric: true), { row in
                row.fullFitFrequency.map { DisplayFormat.fixed($0, 2) } ?? "–"
            }))
        }
        if rows.contains(where: { $0.stable != nil }) {
            columns.append((.init("Stable"), { row in
                switch row.stable {
                case true?: return "<span class=\"yes\">✓ yes</span>"
                case false?: return "<span class=\"no\">no</span>"
                case nil: return "–"
                }
            }))
        }
        if rows.contains(where: { $0.meanSelectionOrder != nil }) {
            columns.append((.init("Mean pick order", numeric: true), { $0.meanSelectionOrder.map { DisplayFormat.fixed($0, 1) } ?? "–" }))
        }
        if rows.contains(where: { $0.score != nil }) {
            columns.append((.init(model.scoreTitle, numeric: true), { $0.score.map { DisplayFormat.significant($0, 3) } ?? "–" }))
        }
        if rows.contains(where: { $0.effect != nil }) {
            columns.append((.init("Effect", numeric: true), { row in
                guard let e = row.effect, e.isFinite else { return "–" }
                return (e > 0 ? "+" : e < 0 ? "−" : "") + DisplayFormat.significant(abs(e), 3)
            }))
        }
        if rows.contains(where: { !$0.substitutes.isEmpty }) {
            columns.append((.init("Substitutes (share of the slot's fits)"), { row in
                row.substitutes.map { "\(Markup.escape($0.name)) \(DisplayFormat.fixed($0.share, 2))" }.joined(separator: ", ")
            }))
        }
        if rows.contains(where: { $0.cost != nil }) {
            columns.append((.init("Cost", numeric: true), { $0.cost.flatMap(NumberText.shortest) ?? "–" }))
            columns.append((.init("Cumulative cost", numeric: true), { $0.cumulativeCost.flatMap(NumberText.shortest) ?? "–" }))
        }
        if hasVariants {
            columns.append((.init("Chrom"), { $0.variant.map { Markup.escape($0.chrom) } ?? "–" }))
            columns.append((.init("Position", numeric: true), { $0.variant.map { DisplayFormat.integer($0.pos) } ?? "–" }))
            columns.append((.init("Ref"), { $0.variant.map { "<span class=\"mono\">\(Markup.escape($0.ref))</span>" } ?? "–" }))
            columns.append((.init("Alt"), { $0.variant.map { "<span class=\"mono\">\(Markup.escape($0.alt))</span>" } ?? "–" }))
        }
        var table = HTMLTable(columns: columns.map(\.0))
        table.rows = rows.map { row in columns.map { $0.1(row) } }

        var explain = "Features in gsel's order, best first."
        if rows.contains(where: { $0.selectionFrequency != nil }) {
            explain += " <em>Selection frequency</em> is the share of the repeated fits (each on a random half of the samples) that chose the feature; "
                + "<em>stable</em> means it reached the threshold"
                + (model.threshold.map { " (\(DisplayFormat.fixed($0, 2)))" } ?? "") + "."
        }
        if rows.contains(where: { $0.fullFitFrequency != nil }) {
            explain += " <em>Full-split fits</em> is the share of the fits on the whole training split (each with its own random start) that chose it:"
                + " they have the power of one fit on all the samples, which finds features that matter only together with a partner."
                + " Rows are ordered by selection frequency; a complement (correlated with a feature above it, but chosen together with it) is ordered by"
                + " a mix of both: 10/13 of its selection frequency plus 3/13 of its full-split frequency (the stable set counts the half-sample fits only)."
        }
        if rows.contains(where: { !$0.substitutes.isEmpty }) {
            explain += " A row is a <em>slot</em>: the feature and its near-substitutes (strongly correlated on the training split; the summary gives the cut-off) that other fits picked in its place, rarely together with it (features the fits pick together are complements and keep their own rows);"
                + " the slot's frequency counts a fit that picked any of them, and <em>Substitutes</em> lists who stood in, with the share of those fits."
        }
        if rows.contains(where: { $0.meanSelectionOrder != nil }) {
            explain += " <em>Mean pick order</em> is the average step at which it was chosen (1 = first)."
        }
        if rows.contains(where: { $0.score != nil }) {
            explain += " <em>\(Markup.escape(model.scoreTitle))</em> is \(Markup.escape(model.scoreExplanation))."
        }
        if rows.contains(where: { $0.effect != nil }) {
            explain += " <em>Effect</em> is the size of the feature's own association with the target; its sign gives the direction."
        }
        if rows.contains(where: { $0.cost != nil }) {
            explain += " <em>Cost</em> is the feature's price from the cost table; <em>cumulative cost</em> what the rows down to it cost together (within the budget, when one was set)."
        }
        return ReportSection(id: "ranking", heading: "Ranked features",
                             content: "<p class=\"explain\">\(explain)</p><div class=\"table-scroll\">\(table.render())</div>")
    }
}
