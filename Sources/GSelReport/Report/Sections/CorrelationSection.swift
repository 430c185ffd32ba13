/// Correlation heatmap of the selected features.
enum CorrelationSection {
    static func make(_ model: ReportModel) -> ReportSection? {
        guard let matrix = model.correlation, !matrix.names.isEmpty else { return nil }
        let chart = CorrelationHeatmap(matrix: matrix)
        var explain = "Each cell is the Pearson correlation of two selected features across the samples, in ranking order. "
            + "Red means the two rise and fall together, blue that one rises as the other falls, white that they are unrelated. "
            + "Because gsel re-scores after every pick, features that duplicate each other's information should be rare; "
            + "a red block marks features that overlap (often a co-regulated module or, for variants, linkage disequilibrium)."
        if chart.shownCount < matrix.names.count { explain += " The first \(chart.shownCount) of \(matrix.names.count) features are shown." }
        return ReportSection(id: "correlation", heading: "Correlation of the selected features",
                             content: "<p class=\"explain\">\(explain)</p><div class=\"figure\">\(chart.render())</div>")
    }
}
