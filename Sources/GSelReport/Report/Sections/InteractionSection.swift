/// The interaction screen: the pairs it added to the list, with a scatter plot each, or
/// the statement that no pair passed.
enum InteractionSection {
    static func make(_ model: ReportModel) -> ReportSection? {
        guard let screen = model.interactions else { return nil }
        let threshold = screen.threshold.map { DisplayFormat.fixed($0, 2) } ?? "not computed"
        var html = "<p class=\"explain\">Features that predict only together (XOR-like epistasis: neither alone, nor given the others) "
            + "are invisible to forward selection. After the ranking, gsel refits the ranked features and scores every pair of "
            + "\(DisplayFormat.integer(screen.candidates)) candidate features on what they leave unexplained (the statistic |T| is about "
            + "a standard normal when a pair adds nothing), on \(DisplayFormat.integer(screen.samples)) training samples. A pair counts when "
            + "its |T| exceeds what the largest |T| of a table without interactions reaches with probability \(DisplayFormat.significant(screen.level, 2)) "
            + "(\(threshold) here; a Gumbel distribution fitted to \(screen.permutations) tables of permuted outcomes). Its members take the last places of the list "
            + "that are neither stable nor included, marked <code>interacts_with</code> in ranking.tsv; a pair with no such places is "
            + "shown here only (raise --k to list it). A pair must also hold with each member's own linear and squared terms in "
            + "the refit, so that a curved effect of one feature is not taken for an interaction"
            + (screen.unconfirmed > 0 ? " (\(screen.unconfirmed) pair\(screen.unconfirmed == 1 ? "" : "s") above the threshold did not)" : "")
            + ".</p>"
        if screen.pairs.isEmpty {
            let best = screen.largestRejected.map { " The strongest pair, \(Markup.escape($0.first)) × \(Markup.escape($0.second)), reached |T| = \(DisplayFormat.fixed($0.statistic, 2))." } ?? ""
            return ReportSection(id: "interactions", heading: "Interactions", content: html + "<p>No pair passed.\(best)</p>")
        }
        var table = HTMLTable(columns: [.init("Pair"), .init("|T|", numeric: true), .init("Family-wise p", numeric: true), .init("In the list")])
        for p in screen.pairs {
            table.rows.append(["\(Markup.escape(p.firstName)) × \(Markup.escape(p.secondName))", DisplayFormat.fixed(p.statistic, 2),
                               DisplayFormat.significant(p.familyWiseP, 2), p.listed ? "yes" : "no: only stable or included rows could give way"])
        }
        html += table.render()
        for p in screen.pairs.prefix(3) {
            html += "<div class=\"figure\">\(PairScatterChart(pair: p, classNames: screen.classNames).render())</div>"
        }
        return ReportSection(id: "interactions", heading: "Interactions", content: html)
    }
}
