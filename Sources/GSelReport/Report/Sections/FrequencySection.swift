/// Bar chart of the selection frequency of the top features, with the threshold line.
enum FrequencySection {
    /// Most features shown in the chart.
    static let limit = 30

    static func make(_ model: ReportModel) -> ReportSection? {
        let features = model.ranking.compactMap { row in row.selectionFrequency.map { (name: row.featureName, frequency: $0) } }
        guard !features.isEmpty else { return nil }
        let shown = Array(features.prefix(limit))
        var explain = "How often each feature was chosen when the selection was repeated on random halves of the samples. "
            + "A feature chosen in nearly every repeat does not depend on which samples happened to be included."
        if let t = model.threshold {
            explain += " Dark bars reach the dashed threshold (\(DisplayFormat.fixed(t, 2))) and form the stable set."
        }
        if features.count > shown.count { explain += " The top \(shown.count) of \(features.count) ranked features are shown." }
        let chart = FrequencyBarChart(features: shown, threshold: model.threshold).render()
        return ReportSection(id: "frequency", heading: "Selection frequency",
                             content: "<p class=\"explain\">\(explain)</p><div class=\"figure\">\(chart)</div>")
    }
}
