/// Manhattan-style plot: variants along the genome (chromosomes in natural order, alternating
/// colours, cumulative position) against their selection frequency, with the threshold.
public struct ManhattanPlot: Sendable {
    public let points: [ReportModel.ManhattanPoint]
    public let threshold: Double?
    /// How many of the highest points get a name label.
    public let labelCount: Int

    /// All `points` set the chromosome extents; those with frequency 0 are not drawn.
    public init(points: [ReportModel.ManhattanPoint], threshold: Double?, labelCount: Int = 6) {
        self.points = points
        self.threshold = threshold
        self.labelCount = labelCount
    }

    /// Chromosomes in order with their offset and drawn length on the cumulative axis. A chromosome
    /// spans its largest observed position, but at least 0.5 % of the genome so MT stays visible.
    var chromosomeLayout: [(name: String, offset: Double, length: Double)] {
        var extent: [String: Int] = [:]
        for p in points {
            let name = ChromosomeOrder.displayName(p.chrom)
            extent[name] = max(extent[name] ?? 1, p.pos)
        }
        let order = ChromosomeOrder.sorted(extent.keys)
        let total = order.reduce(0.0) { $0 + Double(extent[$1] ?? 1) }
        let minimum = total * 0.005, gap = total * 0.008
        var offset = 0.0
        return order.map { name in
            let length = max(minimum, Double(extent[name] ?? 1))
            defer { offset += length + gap }
            return (name, offset, length)
        }
    }

    public func render() -> String {
        let layout = chromosomeLayout
        let index = Dictionary(layout.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let frame = PlotFrame(left: 64, top: 46, width: 860, height: 260)
        var canvas = SVGCanvas(width: frame.right + 24, height: frame.bottom + 60)
        let end = layout.last.map { $0.offset + $0.length } ?? 1
        let x = ContinuousScale(domain: (0, end), range: (frame.left, frame.right))
        let y = ContinuousScale(domain: (0, 1), range: (frame.bottom, frame.top))

        for (i, chrom) in layout.enumerated() where i % 2 == 1 {
            canvas.rect(x: x(chrom.offset), y: frame.top, width: x(chrom.offset + chrom.length) - x(chrom.offset),
                        height: frame.height, fill: "#f6f8fa")
        }
        frame.drawYAxis(&canvas, scale: y, ticks: NiceTicks.ticks(from: 0, to: 1, count: 5), step: 0.2,
                        title: "Selection frequency")
        var lastLabelX = -Double.infinity
        for chrom in layout {
            let cx = x(chrom.offset + chrom.length / 2)
            canvas.line(x1: cx, y1: frame.bottom, x2: cx, y2: frame.bottom + 4, stroke: Palette.axis)
            let width = TextMeasure.width(chrom.name, size: 11)
            if cx - width / 2 >= lastLabelX + 4 {
                canvas.text(chrom.name, x: cx, y: frame.bottom + 17, anchor: .middle, size: 11, fill: Palette.mutedText)
                lastLabelX = cx + width / 2
            }
        }
        canvas.line(x1: frame.left, y1: frame.bottom, x2: frame.right, y2: frame.bottom, stroke: Palette.axis)
        canvas.text("Chromosome (position along the genome)", x: frame.left + frame.width / 2, y: frame.bottom + 42,
                    anchor: .middle, size: 13)

        if let threshold {
            canvas.line(x1: frame.left, y1: y(threshold), x2: frame.right, y2: y(threshold), stroke: Palette.vermillion,
                        width: 1.5, dash: "6 4")
        }
        let drawn = points.filter { $0.frequency.isFinite && $0.frequency > 0 }
            .sorted { $0.frequency < $1.frequency }
        for p in drawn {
            let name = ChromosomeOrder.displayName(p.chrom)
            guard let i = index[name] else { continue }
            let stable = threshold.map { p.frequency >= $0 } ?? false
            let fill = stable ? Palette.vermillion : (i % 2 == 0 ? Palette.blue : Palette.grey)
            canvas.marker(stable ? .diamond : .circle, x: x(layout[i].offset + Double(p.pos)), y: y(min(1, p.frequency)),
                          size: stable ? 10 : 7, fill: fill,
                          title: "\(p.name) (\(name):\(p.pos)): selection frequency \(DisplayFormat.fixed(p.frequency, 2))")
        }
        var placed: [(x0: Double, x1: Double, y0: Double, y1: Double)] = []
        for p in drawn.suffix(labelCount).reversed() {
            let name = ChromosomeOrder.displayName(p.chrom)
            guard let i = index[name] else { continue }
            let px = x(layout[i].offset + Double(p.pos)), py = y(min(1, p.frequency)) - 6
            let text = TextMeasure.truncate(p.name, to: 24)
            let width = TextMeasure.width(text, size: 11)
            let anchor: TextAnchor = px > frame.right - width - 20 ? .end : .start
            let tx = px + (anchor == .end ? -7 : 7)
            let box = (x0: anchor == .end ? tx - width : tx, x1: anchor == .end ? tx : tx + width, y0: py - 11, y1: py + 3)
            guard !placed.contains(where: { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }) else { continue }
            placed.append(box)
            canvas.text(text, x: tx, y: py, anchor: anchor, size: 11, title: p.name)
        }

        var items = [
            LegendItem(swatch: .marker(.circle, color: Palette.blue), label: "variant (colours alternate by chromosome)"),
        ]
        if let threshold {
            items.append(LegendItem(swatch: .marker(.diamond, color: Palette.vermillion), label: "stable (≥ \(DisplayFormat.fixed(threshold, 2)))"))
            items.append(LegendItem(swatch: .line(color: Palette.vermillion, dash: "6 4", marker: nil), label: "threshold"))
        }
        Legend.draw(&canvas, items: items, x: frame.left, y: 20, maxWidth: frame.width)
        return canvas.render(title: "Selection frequency along the genome",
                             description: "\(drawn.count) variants with non-zero selection frequency across \(layout.count) chromosomes.")
    }
}
