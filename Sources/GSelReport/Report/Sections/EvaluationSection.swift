/// Held-out metric against k' for each method (one small chart per metric) and the numbers.
enum EvaluationSection {
    static func make(_ model: ReportModel) -> ReportSection? {
        let rows = model.evaluation
        guard !rows.isEmpty else { return nil }
        let methods = ordered(rows.map(\.method))
        let metrics = ordered(rows.flatMap { $0.metrics.map(\.name) })
        guard !metrics.isEmpty else { return nil }

        let charts = metrics.map { metric in
            MetricCurveChart(metric: metric, series: methods.map { method in
                (method: method, points: rows.filter { $0.method == method }.compactMap { row in
                    row.metrics.first { $0.name == metric }.map { (k: row.k, value: $0.value) }
                })
            }).render()
        }
        let costChart = model.costMetric.map { metric in
            CostCurveChart(metric: metric, series: methods.map { method in
                (method: method, points: rows.filter { $0.method == method && $0.k > 0 }.compactMap { row in
                    guard let cost = row.cost, let v = row.metrics.first(where: { $0.name == metric })?.value else { return nil }
                    return .init(k: row.k, cost: cost, value: v, front: row.paretoFront)
                })
            }, budget: model.budget).render()
        }
        // Methods evaluated at k′ = 0 only (the covariates alone) are reference lines.
        let references = methods.filter { m in rows.allSatisfy { $0.method != m || $0.k == 0 } }
        let names = methods.filter { !references.contains($0) }.map { "<em>\(Markup.escape($0))</em>" }
        let explain = "After selection, a fresh model was trained on the training samples using only the top k′ features of each ranking, "
            + "and scored on held-out samples it never saw (higher is better). "
            + (references.isEmpty ? ""
                : "Every model also included the covariates; the dashed line is the covariates alone, so the gap above it is what the features add. ")
            + (names.count > 1
                ? "Where the \(names[0]) line lies above \(names[1...].joined(separator: ", ")), the features chosen together carry more information than those ranked one at a time. "
                : "")
            + "A curve that flattens early means a few features already capture most of the signal. "
            + "In the table, each value has its 95 % confidence interval over the held-out samples: Wilson's for accuracy, "
            + "a bootstrap of the held-out samples (the models are not refitted) for the others; "
            + "a bootstrap interval collapses onto a perfect score, however few the samples."

        let costs = model.costMetric != nil
        var table = HTMLTable(columns: [.init("Method"), .init("k′", numeric: true)] + (costs ? [.init("Cost", numeric: true)] : [])
                                  + metrics.map { .init($0, numeric: true) } + (costs ? [.init("Pareto front")] : []))
        table.rows = rows.sorted { ($0.method == $1.method) ? $0.k < $1.k : methods.firstIndex(of: $0.method)! < methods.firstIndex(of: $1.method)! }
            .map { row in
                [Markup.escape(row.method), String(row.k)] + (costs ? [row.cost.flatMap(NumberText.shortest) ?? "–"] : [])
                    + metrics.map { metric in
                        row.metrics.first { $0.name == metric }.map { DisplayFormat.withInterval($0.value, row.intervals[metric]) } ?? "–"
                    } + (costs ? [row.paretoFront ? "yes" : ""] : [])
            }
        let costExplain = model.costMetric.map { metric in
            "<p class=\"explain\">With feature costs: \(Markup.escape(metric)) against what the top k′ features cost together"
                + (model.budget.flatMap(NumberText.shortest).map { ", within the budget of \($0)" } ?? "")
                + ". Filled points are on the Pareto front: no cheaper prefix of the same ranking scores as well; a panel between two of them pays for features that do not help on these held-out samples.</p>"
        } ?? ""
        let content = "<p class=\"explain\">\(explain)</p><div class=\"figures\">"
            + charts.map { "<div class=\"figure\">\($0)</div>" }.joined()
            + "</div>" + (costChart.map { costExplain + "<div class=\"figures\"><div class=\"figure\">\($0)</div></div>" } ?? "")
            + "<details><summary>Show the numbers</summary>\(table.render())</details>"
            + (model.confusion.map { c in
                "<h3>Confusion matrix at k′ = \(c.k)</h3><p class=\"explain\">\(ConfusionMatrixView.explain(c))</p>"
                    + "<div class=\"figure\">\(ConfusionMatrixView.render(c))</div>"
            } ?? "")
        return ReportSection(id: "evaluation", heading: "Held-out performance", content: content)
    }

    /// Distinct values in order of first appearance.
    private static func ordered(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
