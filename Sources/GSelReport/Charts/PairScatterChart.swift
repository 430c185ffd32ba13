/// One interaction pair as a scatter plot: the two features' standardized values on the
/// axes, each sample coloured by its class (shapes differ too, so classes stay apart in
/// print) or, for a value, on a blue–red ramp. An XOR-like pair shows classes in opposite
/// quadrants, which no single axis separates.
public struct PairScatterChart: Sendable {
    public let pair: ReportModel.Interactions.Pair
    public let classNames: [String]

    public init(pair: ReportModel.Interactions.Pair, classNames: [String]) {
        self.pair = pair
        self.classNames = classNames
    }

    public func render() -> String {
        let frame = PlotFrame(left: 64, top: 16, width: 360, height: 300)
        let legendWidth = classNames.isEmpty ? 0.0 : min(220, (classNames.map { TextMeasure.width($0, size: 12) }.max() ?? 40) + 40)
        var canvas = SVGCanvas(width: frame.right + 24 + legendWidth, height: frame.bottom + 60)
        let xs = pair.points.map(\.x), ys = pair.points.map(\.y)
        let xd = NiceTicks.domain(from: xs.min() ?? -1, to: xs.max() ?? 1), yd = NiceTicks.domain(from: ys.min() ?? -1, to: ys.max() ?? 1)
        let x = ContinuousScale(domain: xd, range: (frame.left, frame.right))
        let y = ContinuousScale(domain: yd, range: (frame.bottom, frame.top))
        let yTicks = NiceTicks.ticks(from: yd.lo, to: yd.hi)
        frame.drawYAxis(&canvas, scale: y, ticks: yTicks, step: NiceTicks.step(span: yd.hi - yd.lo, count: 5),
                        title: TextMeasure.truncate(pair.secondName, to: 30))
        frame.drawXAxis(&canvas, scale: x, ticks: NiceTicks.labelled(from: xd.lo, to: xd.hi),
                        title: TextMeasure.truncate(pair.firstName, to: 40))
        let values = pair.points.compactMap(\.value)
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        for p in pair.points {
            if let c = p.classIndex {
                canvas.marker(MarkerShape.cycle[c % MarkerShape.cycle.count], x: x(p.x), y: y(p.y), size: 6,
                              fill: Palette.series[c % Palette.series.count], stroke: "none")
            } else if let v = p.value {
                canvas.marker(.circle, x: x(p.x), y: y(p.y), size: 6, fill: ColorRamp.blueWhiteRed.color(hi > lo ? (v - lo) / (hi - lo) : 0.5),
                              stroke: "none")
            }
        }
        if !classNames.isEmpty {
            let items = classNames.enumerated().map { c, name in
                LegendItem(swatch: .marker(MarkerShape.cycle[c % MarkerShape.cycle.count], color: Palette.series[c % Palette.series.count]),
                           label: name)
            }
            _ = Legend.draw(&canvas, items: items, x: frame.right + 24, y: frame.top + 8, maxWidth: legendWidth)
        }
        return canvas.render(title: "\(pair.firstName) and \(pair.secondName), training samples",
                             description: "Scatter plot of the two features' standardized values, one point per training sample, coloured by the phenotype.")
    }
}
