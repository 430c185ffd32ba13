/// The plotting rectangle of a chart and the axes drawn around it.
struct PlotFrame {
    let left: Double
    let top: Double
    let width: Double
    let height: Double

    var right: Double { left + width }
    var bottom: Double { top + height }

    /// Numeric y axis on the left: tick labels, optional horizontal grid lines, rotated title.
    func drawYAxis(_ canvas: inout SVGCanvas, scale: ContinuousScale, ticks: [Double], step: Double,
                   title: String, grid: Bool = true) {
        for tick in ticks {
            let y = scale(tick)
            if grid { canvas.line(x1: left, y1: y, x2: right, y2: y, stroke: Palette.grid) }
            canvas.line(x1: left - 5, y1: y, x2: left, y2: y, stroke: Palette.axis)
            canvas.text(NiceTicks.label(tick, step: step), x: left - 8, y: y + 4, anchor: .end, size: 12,
                        fill: Palette.mutedText)
        }
        canvas.line(x1: left, y1: top, x2: left, y2: bottom, stroke: Palette.axis)
        let labelWidth = ticks.map { TextMeasure.width(NiceTicks.label($0, step: step), size: 12) }.max() ?? 0
        canvas.text(title, x: left - labelWidth - 20, y: top + height / 2, anchor: .middle, size: 13, rotate: -90)
    }

    /// Numeric x axis at the bottom with the given tick values and labels, optional vertical grid lines.
    func drawXAxis(_ canvas: inout SVGCanvas, scale: ContinuousScale, ticks: [(value: Double, label: String)],
                   title: String, grid: Bool = true) {
        for tick in ticks {
            let x = scale(tick.value)
            if grid { canvas.line(x1: x, y1: top, x2: x, y2: bottom, stroke: Palette.grid) }
            canvas.line(x1: x, y1: bottom, x2: x, y2: bottom + 5, stroke: Palette.axis)
            canvas.text(tick.label, x: x, y: bottom + 19, anchor: .middle, size: 12, fill: Palette.mutedText)
        }
        canvas.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: Palette.axis)
        canvas.text(title, x: left + width / 2, y: bottom + 42, anchor: .middle, size: 13)
    }

    /// Category labels to the left of horizontal bands (right-aligned, truncated, full text on hover).
    func drawBandLabelsLeft(_ canvas: inout SVGCanvas, bands: BandScale, labels: [String], size: Double = 12,
                            maxCharacters: Int) {
        for (i, label) in labels.enumerated() {
            let shown = TextMeasure.truncate(label, to: maxCharacters)
            canvas.text(shown, x: left - 8, y: bands.center(i) + size * 0.35, anchor: .end, size: size,
                        title: shown == label ? nil : label)
        }
    }

    /// Category labels above vertical bands, rotated -45° so long gene names fit.
    func drawBandLabelsTop(_ canvas: inout SVGCanvas, bands: BandScale, labels: [String], size: Double = 12,
                           maxCharacters: Int) {
        for (i, label) in labels.enumerated() {
            let shown = TextMeasure.truncate(label, to: maxCharacters)
            canvas.text(shown, x: bands.center(i) + size * 0.3, y: top - 8, anchor: .start, size: size, rotate: -45,
                        title: shown == label ? nil : label)
        }
    }
}
