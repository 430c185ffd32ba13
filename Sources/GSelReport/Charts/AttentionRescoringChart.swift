/// Heatmap of attention re-scoring: one row per pick, one column per leading candidate,
/// cell = the candidate's share of the attention mass just before that pick. The picked
/// cell is outlined; cells of features already selected are grey. A feature redundant
/// with an earlier pick shows as a column that fades right after that pick.
public struct AttentionRescoringChart: Sendable {
    public let snapshots: [ReportModel.AttentionSnapshot]
    public let maxSteps: Int
    public let maxCandidates: Int

    /// Shows the first `maxSteps` picks and at most `maxCandidates` columns (picked features first).
    public init(snapshots: [ReportModel.AttentionSnapshot], maxSteps: Int = 40, maxCandidates: Int = 24) {
        self.snapshots = snapshots
        self.maxSteps = max(1, maxSteps)
        self.maxCandidates = max(1, maxCandidates)
    }

    /// Rows (snapshots in step order, capped) and columns (candidate names) shown.
    var layout: (rows: [ReportModel.AttentionSnapshot], columns: [String]) {
        let rows = Array(snapshots.sorted { $0.step < $1.step }.prefix(maxSteps))
        var columns: [String] = []
        var seen = Set<String>()
        for row in rows where seen.insert(row.pickedFeatureName).inserted {
            columns.append(row.pickedFeatureName)
        }
        var peak: [String: Double] = [:]
        for row in rows {
            for c in row.candidates where !seen.contains(c.name) && c.weight.isFinite {
                peak[c.name] = max(peak[c.name] ?? 0, c.weight)
            }
        }
        let others = peak.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        columns += others
        return (rows, Array(columns.prefix(maxCandidates)))
    }

    public func render() -> String {
        let (rows, columns) = layout
        let maxWeight = rows.flatMap { $0.candidates.map(\.weight) }.filter(\.isFinite).max() ?? 0
        let scaleMax = maxWeight > 0 ? maxWeight : 1
        let column = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var pickedAt: [String: Int] = [:]
        for (i, row) in rows.enumerated() where pickedAt[row.pickedFeatureName] == nil { pickedAt[row.pickedFeatureName] = i }

        let maxChars = 18
        let rowLabels = rows.map { "\($0.step). \($0.pickedFeatureName)" }
        let labelWidth = rowLabels.map { TextMeasure.width(TextMeasure.truncate($0, to: maxChars + 4), size: 12) }.max() ?? 60
        let topLabel = (columns.map { TextMeasure.width(TextMeasure.truncate($0, to: maxChars), size: 12) }.max() ?? 40) * 0.72
        let cellW = 42.0, cellH = 26.0
        let frame = PlotFrame(left: max(90, labelWidth + 18), top: topLabel + 22,
                              width: cellW * Double(max(1, columns.count)), height: cellH * Double(max(1, rows.count)))
        var canvas = SVGCanvas(width: max(frame.right + topLabel + 12, frame.left + 420), height: frame.bottom + 92)
        let xb = BandScale(count: columns.count, start: frame.left, length: frame.width)
        let yb = BandScale(count: rows.count, start: frame.top, length: frame.height)
        frame.drawBandLabelsTop(&canvas, bands: xb, labels: columns, maxCharacters: maxChars)
        frame.drawBandLabelsLeft(&canvas, bands: yb, labels: rowLabels, maxCharacters: maxChars + 4)
        let ramp = ColorRamp.blues

        for (r, row) in rows.enumerated() {
            let weights = Dictionary(row.candidates.map { ($0.name, $0.weight) }, uniquingKeysWith: { a, _ in a })
            for (c, name) in columns.enumerated() {
                let cx = xb.position(c), cy = yb.position(r)
                if let at = pickedAt[name], at < r {
                    canvas.rect(x: cx, y: cy, width: cellW, height: cellH, fill: Palette.selectedCell, stroke: "#ffffff",
                                title: "\(name) was already selected (pick \(rows[at].step))")
                } else if let w = weights[name], w.isFinite {
                    let t = w / scaleMax
                    canvas.rect(x: cx, y: cy, width: cellW, height: cellH, fill: ramp.color(t), stroke: "#ffffff",
                                title: "Before pick \(row.step): \(name) held \(DisplayFormat.percent(w))% of the attention")
                    canvas.text(DisplayFormat.percent(w), x: cx + cellW / 2, y: cy + cellH / 2 + 4, anchor: .middle,
                                size: 10.5, fill: ramp.textColor(t))
                } else {
                    canvas.rect(x: cx, y: cy, width: cellW, height: cellH, fill: Palette.emptyCell, stroke: "#ffffff",
                                title: "Before pick \(row.step): \(name) was not among the leading candidates")
                }
            }
            if let c = column[row.pickedFeatureName] {
                canvas.rect(x: xb.position(c) + 1.25, y: yb.position(r) + 1.25, width: cellW - 2.5, height: cellH - 2.5,
                            fill: "none", stroke: Palette.vermillion, strokeWidth: 2.5)
            }
        }

        let barY = frame.bottom + 36
        let percentTicks = NiceTicks.labelled(from: 0, to: scaleMax * 100, count: 4)
        ColorBar.draw(&canvas, ramp: ramp, domain: (0, scaleMax * 100), ticks: percentTicks,
                      x: frame.left, y: barY, width: 180, title: "Attention share (%)")
        let legendX = frame.left + 210
        Legend.draw(&canvas, items: [
            LegendItem(swatch: .box(fill: "none", stroke: Palette.vermillion), label: "picked"),
            LegendItem(swatch: .box(fill: Palette.selectedCell, stroke: nil), label: "already selected"),
            LegendItem(swatch: .box(fill: Palette.emptyCell, stroke: Palette.grid), label: "not a leading candidate"),
        ], x: legendX, y: barY + 10, maxWidth: max(200, canvas.width - legendX - 10))

        return canvas.render(
            title: "Attention re-scoring across \(rows.count) picks",
            description: "Rows are picks in order, columns are candidate features; each cell is the candidate's share of the attention just before the pick, the picked one outlined.")
    }
}
