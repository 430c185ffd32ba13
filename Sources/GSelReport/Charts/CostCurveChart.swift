/// Held-out metric against what the top k′ features cost together (`--costs`), one line per
/// method; points on the method's Pareto front (no cheaper prefix scores as well) are filled,
/// the others hollow; an optional dashed vertical line marks the budget.
public struct CostCurveChart: Sendable {
    public struct Point: Sendable {
        public var k: Int
        public var cost: Double
        public var value: Double
        public var front: Bool
        public init(k: Int, cost: Double, value: Double, front: Bool) {
            self.k = k; self.cost = cost; self.value = value; self.front = front
        }
    }

    public let metric: String
    public let series: [(method: String, points: [Point])]
    public let budget: Double?

    /// One series per method; points need not be sorted. Non-finite values are skipped.
    public init(metric: String, series: [(method: String, points: [Point])], budget: Double? = nil) {
        self.metric = metric
        self.series = series
        self.budget = budget
    }

    public func render() -> String {
        let clean = series.map { s in
            (method: s.method, points: s.points.filter { $0.value.isFinite && $0.cost.isFinite }.sorted { ($0.cost, $0.k) < ($1.cost, $1.k) })
        }.filter { !$0.points.isEmpty }
        let costs = clean.flatMap { $0.points.map(\.cost) } + (budget.map { [$0] } ?? [])
        let values = clean.flatMap { $0.points.map(\.value) }
        let frame = PlotFrame(left: 62, top: 44, width: 400, height: 220)
        var canvas = SVGCanvas(width: frame.right + 24, height: frame.bottom + 56)
        let items = clean.enumerated().map { i, s in
            LegendItem(swatch: .line(color: color(i), dash: dash(i), marker: shape(i)), label: s.method)
        } + [LegendItem(swatch: .marker(.circle, color: Palette.grey), label: "filled: on the Pareto front")]
        Legend.draw(&canvas, items: items, x: frame.left, y: 18, maxWidth: frame.width)

        let hi = max(costs.max() ?? 1, 0)
        let xDomain = NiceTicks.domain(from: 0, to: hi > 0 ? hi : 1, count: 5)
        let x = ContinuousScale(domain: xDomain, range: (frame.left, frame.right))
        let yDomain = MetricCurveChart.valueDomain(values)
        let y = ContinuousScale(domain: yDomain, range: (frame.bottom, frame.top))
        frame.drawYAxis(&canvas, scale: y, ticks: NiceTicks.ticks(from: yDomain.lo, to: yDomain.hi, count: 5),
                        step: NiceTicks.step(span: yDomain.hi - yDomain.lo, count: 5), title: metric)
        frame.drawXAxis(&canvas, scale: x, ticks: NiceTicks.labelled(from: xDomain.lo, to: xDomain.hi, count: 5),
                        title: "Cost of the top k′ features", grid: false)
        if let budget {
            let bx = x(budget)
            canvas.line(x1: bx, y1: frame.top, x2: bx, y2: frame.bottom, stroke: Palette.grey, width: 1.5, dash: "5 4")
            canvas.text("budget", x: bx - 4, y: frame.top + 12, anchor: .end, size: 10, fill: Palette.mutedText)
        }
        for (i, s) in clean.enumerated() {
            canvas.polyline(s.points.map { (x: x($0.cost), y: y($0.value)) }, stroke: color(i), width: 2.5, dash: dash(i))
            for p in s.points {
                canvas.marker(shape(i), x: x(p.cost), y: y(p.value), size: 9, fill: p.front ? color(i) : "#ffffff",
                              stroke: color(i), title: "\(s.method), k′ = \(p.k), cost \(NumberText.shortest(p.cost) ?? "NA"): \(metric) \(DisplayFormat.fixed(p.value, 3))\(p.front ? " (Pareto front)" : "")")
            }
        }
        let best = clean.map { s in
            s.points.max { ($0.value, -$0.cost) < ($1.value, -$1.cost) }
                .map { "\(s.method) peaks at \(DisplayFormat.fixed($0.value, 3)) for cost \(NumberText.shortest($0.cost) ?? "NA") (k′ = \($0.k))" } ?? ""
        }
        return canvas.render(title: "Held-out \(metric) against the cost of the top features", description: best.joined(separator: "; ") + ".")
    }

    private func color(_ i: Int) -> String { Palette.series[i % Palette.series.count] }
    private func dash(_ i: Int) -> String? { Palette.dashes[i % Palette.dashes.count] }
    private func shape(_ i: Int) -> MarkerShape { MarkerShape.cycle[i % MarkerShape.cycle.count] }
}
