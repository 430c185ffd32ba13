/// Pearson correlation between selected features as a symmetric heatmap on a diverging
/// blue–white–red scale (-1 … 1). Blocks of red reveal groups of co-expressed features.
public struct CorrelationHeatmap: Sendable {
    public let matrix: ReportModel.CorrelationMatrix
    public let maxFeatures: Int

    /// Shows the first `maxFeatures` features of `matrix` (ragged rows are read as missing cells).
    public init(matrix: ReportModel.CorrelationMatrix, maxFeatures: Int = 60) {
        self.matrix = matrix
        self.maxFeatures = max(1, maxFeatures)
    }

    /// Number of features drawn.
    public var shownCount: Int { min(maxFeatures, matrix.names.count) }

    public func render() -> String {
        let n = shownCount
        let names = Array(matrix.names.prefix(n))
        let maxChars = 18
        let labelWidth = names.map { TextMeasure.width(TextMeasure.truncate($0, to: maxChars), size: 12) }.max() ?? 40
        let cell = min(36, max(10, 600 / Double(max(1, n))))
        let labelSize = min(12, max(8, cell * 0.75))
        let frame = PlotFrame(left: labelWidth * labelSize / 12 + 18, top: labelWidth * labelSize / 12 * 0.72 + 24,
                              width: cell * Double(max(1, n)), height: cell * Double(max(1, n)))
        let overhang = labelWidth * labelSize / 12 * 0.72
        var canvas = SVGCanvas(width: max(frame.right + overhang + 12, frame.left + 300), height: frame.bottom + 76)
        let bands = BandScale(count: n, start: frame.left, length: frame.width)
        let rows = BandScale(count: n, start: frame.top, length: frame.height)
        frame.drawBandLabelsTop(&canvas, bands: bands, labels: names, size: labelSize, maxCharacters: maxChars)
        frame.drawBandLabelsLeft(&canvas, bands: rows, labels: names, size: labelSize, maxCharacters: maxChars)
        let ramp = ColorRamp.blueWhiteRed
        let showValues = cell >= 30

        for i in 0 ..< n {
            for j in 0 ..< n {
                let value = i < matrix.values.count && j < matrix.values[i].count ? matrix.values[i][j] : .nan
                let x = bands.position(j), y = rows.position(i)
                guard value.isFinite else {
                    canvas.rect(x: x, y: y, width: cell, height: cell, fill: Palette.emptyCell, stroke: "#ffffff",
                                strokeWidth: 0.5, title: "\(names[i]) × \(names[j]): correlation undefined")
                    continue
                }
                let r = min(1, max(-1, value))
                let t = (r + 1) / 2
                canvas.rect(x: x, y: y, width: cell, height: cell, fill: ramp.color(t), stroke: "#ffffff", strokeWidth: 0.5,
                            title: "\(names[i]) × \(names[j]): r = \(DisplayFormat.fixed(value, 2))")
                if showValues, i != j {
                    canvas.text(DisplayFormat.fixed(r, 1), x: x + cell / 2, y: y + cell / 2 + 3.5, anchor: .middle,
                                size: 10, fill: ramp.textColor(t))
                }
            }
        }
        ColorBar.draw(&canvas, ramp: ramp, domain: (-1, 1), ticks: NiceTicks.labelled(from: -1, to: 1, count: 4),
                      x: frame.left, y: frame.bottom + 30, width: min(240, max(160, frame.width)),
                      title: "Pearson correlation r")
        return canvas.render(title: "Correlation between the \(n) selected features",
                             description: "Symmetric heatmap of pairwise Pearson correlations; red is positive, blue negative, white none.")
    }
}
