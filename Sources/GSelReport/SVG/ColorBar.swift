/// A horizontal colour key for a continuous colour scale: gradient strip, ticks and a title.
enum ColorBar {
    /// Draws the key with its strip's top-left at (x, y); the title sits above the strip.
    static func draw(_ canvas: inout SVGCanvas, ramp: ColorRamp, domain: (lo: Double, hi: Double),
                     ticks: [(value: Double, label: String)], x: Double, y: Double, width: Double, title: String) {
        canvas.text(title, x: x, y: y - 7, size: 12)
        let pieces = 60
        let piece = width / Double(pieces)
        for i in 0 ..< pieces {
            let t = (Double(i) + 0.5) / Double(pieces)
            canvas.rect(x: x + Double(i) * piece, y: y, width: piece + 0.6, height: 12, fill: ramp.color(t))
        }
        canvas.rect(x: x, y: y, width: width, height: 12, fill: "none", stroke: Palette.grid)
        let span = domain.hi - domain.lo
        for tick in ticks where span > 0 {
            let tx = x + (tick.value - domain.lo) / span * width
            canvas.line(x1: tx, y1: y + 12, x2: tx, y2: y + 16, stroke: Palette.axis)
            canvas.text(tick.label, x: tx, y: y + 28, anchor: .middle, size: 11, fill: Palette.mutedText)
        }
    }
}
