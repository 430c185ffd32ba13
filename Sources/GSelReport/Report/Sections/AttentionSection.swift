/// The attention re-scoring heatmap: how attention moves between candidates after each pick.
enum AttentionSection {
    static func make(_ model: ReportModel) -> ReportSection? {
        guard !model.attentionSnapshots.isEmpty else { return nil }
        let chart = AttentionRescoringChart(snapshots: model.attentionSnapshots)
        let (rows, columns) = chart.layout
        var explain = "Sequential Attention picks one feature at a time. Before each pick (rows, top to bottom) it spreads its attention over the features not yet chosen; "
            + "each cell shows the percentage of the attention a candidate held, and the outlined cell is the feature picked at that step. "
            + "After a pick the attention is re-scored: a feature that carries the same information as one already chosen (for example a co-expressed twin gene) "
            + "fades in the following rows, while a feature that only helps in combination with the chosen ones can gain attention."
        if model.attentionSnapshots.count > rows.count { explain += " The first \(rows.count) of \(model.attentionSnapshots.count) picks are shown." }
        explain += " \(columns.count) candidates are shown: the picked features, then the other leading candidates by their highest attention."
        return ReportSection(id: "attention", heading: "Attention re-scoring",
                             content: "<p class=\"explain\">\(explain)</p><div class=\"figure\">\(chart.render())</div>")
    }
}
