/// Horizontal bars of the selection frequency of the top features, with the stability threshold.
public struct FrequencyBarChart: Sendable {
    public let features: [(name: String, frequency: Double)]
    public let threshold: Double?

    /// `features` best first; bars at or above `threshold` are drawn as stable.
    public init(features: [(name: String, frequency: Double)], threshold: Double?) {
        self.features = features
        self.threshold = threshold
    }

    public func render() -> String {
        let maxChars = 28
        let labelWidth = features.map { TextMeasure.width(TextMeasure.truncate($0.name, to: maxChars), size: 12) }.max() ?? 40
        let rowHeight = 22.0
        let legendHeight = threshold == nil ? 12.0 : 40.0
        let frame = PlotFrame(left: min(240, max(70, labelWidth + 16)), top: legendHeight + 12,
                              width: 560, height: rowHeight * Double(max(1, features.count)))
        var canvas = SVGCanvas(width: frame.right + 50, height: frame.bottom + 58)
        let x = ContinuousScale(domain: (0, 1), range: (frame.left, frame.right))
        frame.drawXAxis(&canvas, scale: x, ticks: NiceTicks.labelled(from: 0, to: 1, count: 5),
                        title: "Selection frequency (share of fits that picked the feature)")
        let bands = BandScale(count: features.count, start: frame.top, length: frame.height, padding: 0.22)
        frame.drawBandLabelsLeft(&canvas, bands: bands, labels: features.map(\.name), maxCharacters: maxChars)

        for (i, feature) in features.enumerated() {
            let f = feature.frequency.isFinite ? min(1, max(0, feature.frequency)) : 0
            let stable = threshold.map { f >= $0 } ?? true
            canvas.rect(x: frame.left, y: bands.position(i), width: x(f) - frame.left, height: bands.bandwidth,
                        fill: stable ? Palette.blue : Palette.lightBlue,
                        title: "\(feature.name): selection frequency \(DisplayFormat.fixed(f, 2))\(stable && threshold != nil ? " (stable)" : "")")
            canvas.text(DisplayFormat.fixed(f, 2), x: x(f) + 5, y: bands.center(i) + 4, size: 11, fill: Palette.mutedText)
        }
        canvas.line(x1: frame.left, y1: frame.top, x2: frame.left, y2: frame.bottom, stroke: Palette.axis)

        if let threshold {
            let tx = x(threshold)
            canvas.line(x1: tx, y1: frame.top - 6, x2: tx, y2: frame.bottom, stroke: Palette.vermillion, width: 2, dash: "6 4")
            let items = [
                LegendItem(swatch: .box(fill: Palette.blue, stroke: nil), label: "stable (frequency ≥ \(DisplayFormat.fixed(threshold, 2)))"),
                LegendItem(swatch: .box(fill: Palette.lightBlue, stroke: nil), label: "below the threshold"),
                LegendItem(swatch: .line(color: Palette.vermillion, dash: "6 4", marker: nil), label: "threshold"),
            ]
            Legend.draw(&canvas, items: items, x: frame.left, y: 18, maxWidth: frame.width)
        }
        let stableCount = threshold.map { t in features.filter { $0.frequency >= t }.count }
        return canvas.render(
            title: "Selection frequency of the top \(features.count) features",
            description: stableCount.map { "\($0) of the \(features.count) features shown reach the stability threshold." }
                ?? "Selection frequency of each feature across the stability-selection fits.")
    }
}
