/// Manhattan-style plot of variant selection frequency along the genome (VCF input).
enum ManhattanSection {
    static func make(_ model: ReportModel) -> ReportSection? {
        guard let points = model.manhattan, !points.isEmpty else { return nil }
        var explain = "Each point is a genetic variant, placed at its position along the chromosomes (1–22, X, Y, MT); "
            + "its height is how often the variant was selected. "
        if let t = model.threshold {
            explain += "Diamonds above the dashed line (\(DisplayFormat.fixed(t, 2))) are stable. "
        }
        explain += "Several neighbouring variants in one peak usually tag the same locus, because nearby variants are inherited together."
        let chart = ManhattanPlot(points: points, threshold: model.threshold).render()
        return ReportSection(id: "genome", heading: "Selection along the genome",
                             content: "<p class=\"explain\">\(explain)</p><div class=\"figure\">\(chart)</div>")
    }
}
