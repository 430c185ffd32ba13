/// Held-out metric against the number of top features used (k', log axis), one line per
/// method. A series whose only point is at k' = 0 (a model without selected features: the
/// covariates alone) is drawn as a horizontal reference line, labelled at its right end.
public struct MetricCurveChart: Sendable {
    public let metric: String
    public let series: [(method: String, points: [(k: Int, value: Double)])]

    /// One series per method; points need not be sorted. Non-finite values are skipped.
    public init(metric: String, series: [(method: String, points: [(k: Int, value: Double)])]) {
        self.metric = metric
        self.series = series
    }

    public func render() -> String {
        let clean = series.map { s in
            (method: s.method, points: s.points.filter { $0.k > 0 && $0.value.isFinite }.sorted { $0.k < $1.k })
        }
        let references = series.compactMap { s -> (method: String, value: Double)? in
            guard s.points.allSatisfy({ $0.k == 0 }), let v = s.points.first?.value, v.isFinite else { return nil }
            return (s.method, v)
        }
        let ks = Array(Set(clean.flatMap { $0.points.map(\.k) })).sorted()
        let values = clean.flatMap { $0.points.map(\.value) } + references.map(\.value)

        let legendItems = clean.enumerated().filter { !$0.element.points.isEmpty }.map { i, s in
            LegendItem(swatch: .line(color: color(i), dash: dash(i), marker: shape(i)), label: s.method)
        } + references.map { LegendItem(swatch: .line(color: Palette.grey, dash: "5 4", marker: nil), label: "\($0.method) only") }
        let frame = PlotFrame(left: 62, top: 44, width: 400, height: 220)
        var canvas = SVGCanvas(width: frame.right + 24, height: frame.bottom + 56)
        Legend.draw(&canvas, items: legendItems, x: frame.left, y: 18, maxWidth: frame.width)

        let xDomain: (lo: Double, hi: Double) = ks.count > 1
            ? (Double(ks[0]) / 1.25, Double(ks[ks.count - 1]) * 1.25)
            : (Double(ks.first ?? 1) / 2, Double(ks.first ?? 1) * 2)
        let x = ContinuousScale(domain: xDomain, range: (frame.left, frame.right), logarithmic: true)
        let yDomain = MetricCurveChart.valueDomain(values)
        let y = ContinuousScale(domain: yDomain, range: (frame.bottom, frame.top))
        let yStep = NiceTicks.step(span: yDomain.hi - yDomain.lo, count: 5)
        frame.drawYAxis(&canvas, scale: y, ticks: NiceTicks.ticks(from: yDomain.lo, to: yDomain.hi, count: 5),
                        step: yStep, title: metric)
        frame.drawXAxis(&canvas, scale: x, ticks: MetricCurveChart.spacedTicks(ks, scale: x, minGap: 26),
                        title: "Top features used (k′, log scale)", grid: false)

        for r in references {
            let level = y(r.value)
            canvas.line(x1: frame.left, y1: level, x2: frame.right, y2: level, stroke: Palette.grey, width: 1.5, dash: "5 4")
            canvas.text("\(r.method) only", x: frame.right, y: level - 4, anchor: .end, size: 10, fill: Palette.mutedText)
        }
        for (i, s) in clean.enumerated() {
            let points = s.points.map { (x: x(Double($0.k)), y: y($0.value)) }
            canvas.polyline(points, stroke: color(i), width: 2.5, dash: dash(i))
            for (p, point) in zip(points, s.points) {
                canvas.marker(shape(i), x: p.x, y: p.y, size: 9, fill: color(i),
                              title: "\(s.method), k′ = \(point.k): \(metric) \(DisplayFormat.fixed(point.value, 3))")
            }
        }
        let best = clean.filter { s in !references.contains { $0.method == s.method } }.map { s in
            s.points.max { $0.value < $1.value }.map { "\(s.method) peaks at \(DisplayFormat.fixed($0.value, 3)) with k′ = \($0.k)" } ?? "\(s.method) has no values"
        } + references.map { "\($0.method) alone reach \(DisplayFormat.fixed($0.value, 3))" }
        return canvas.render(title: "Held-out \(metric) against the number of top features", description: best.joined(separator: "; ") + ".")
    }

    private func color(_ i: Int) -> String { Palette.series[i % Palette.series.count] }
    private func dash(_ i: Int) -> String? { Palette.dashes[i % Palette.dashes.count] }
    private func shape(_ i: Int) -> MarkerShape { MarkerShape.cycle[i % MarkerShape.cycle.count] }

    /// A nice y range around the values, at least 0.1 wide, kept inside [0, 1] when all values are.
    static func valueDomain(_ values: [Double]) -> (lo: Double, hi: Double) {
        guard var lo = values.min(), var hi = values.max() else { return (0, 1) }
        if hi - lo < 0.1 {
            let mid = (lo + hi) / 2
            lo = mid - 0.05
            hi = mid + 0.05
        }
        var domain = NiceTicks.domain(from: lo, to: hi, count: 5)
        if values.allSatisfy({ $0 >= 0 && $0 <= 1 }) {
            domain = (max(0, domain.lo), min(1, domain.hi))
        }
        return domain
    }

    /// The evaluated k' values as tick marks, dropping any closer than `minGap` pixels to the previous one.
    static func spacedTicks(_ ks: [Int], scale: ContinuousScale, minGap: Double) -> [(value: Double, label: String)] {
        var ticks: [(value: Double, label: String)] = []
        var lastX = -Double.infinity
        for k in ks {
            let px = scale(Double(k))
            let isLast = k == ks.last
            if px - lastX >= minGap || (isLast && ticks.isEmpty) {
                ticks.append((Double(k), String(k)))
                lastX = px
            } else if isLast {
                ticks[ticks.count - 1] = (Double(k), String(k))
                lastX = px
            }
        }
        return ticks
    }
}
