/// The held-out confusion matrix as an HTML table (rows: true class, columns: predicted
/// class), each cell shaded by its share of the row, so a dark diagonal means the panel
/// separates the classes; the last columns give each class's held-out count and recall.
enum ConfusionMatrixView {
    static func render(_ c: ReportModel.ClassConfusion) -> String {
        let ramp = ColorRamp.blues
        var html = "<table class=\"confusion\"><thead><tr><th scope=\"col\">true \\ predicted</th>"
        html += c.classes.map { "<th scope=\"col\" class=\"num\">\(Markup.escape($0))</th>" }.joined()
        html += "<th scope=\"col\" class=\"num\">n</th><th scope=\"col\" class=\"num\">recall</th></tr></thead><tbody>"
        for (t, row) in c.counts.enumerated() {
            let n = c.support(t)
            html += "<tr><th scope=\"row\">\(Markup.escape(c.classes[t]))</th>"
            for (p, count) in row.enumerated() {
                let share = n > 0 ? Double(count) / Double(n) : 0
                let title = "\(c.classes[t]) predicted as \(c.classes[p]): \(count) of \(n)"
                html += "<td class=\"num\(p == t ? " diag" : "")\" style=\"background: \(ramp.color(share)); color: \(ramp.textColor(share))\" "
                    + "title=\"\(Markup.escape(title))\">\(count)</td>"
            }
            html += "<td class=\"num\">\(n)</td><td class=\"num\">\(c.recall(t).map { DisplayFormat.fixed($0, 2) } ?? "–")</td></tr>"
        }
        return html + "</tbody></table>"
    }

    /// The explanation above the table.
    static func explain(_ c: ReportModel.ClassConfusion) -> String {
        "Held-out samples of each true class (rows) by the class that the refit on <em>\(Markup.escape(c.method))</em>'s "
            + "top \(c.k) features predicted (columns). The diagonal counts correct calls; a cell's shade is its share of the row, "
            + "so dark cells off the diagonal are the classes the panel confuses. Per-class recall, precision and F1 at every k′ "
            + "are in evaluation_per_class.tsv."
    }
}
