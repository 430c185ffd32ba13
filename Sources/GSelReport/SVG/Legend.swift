/// Draws a horizontal legend row, wrapping to a new line when it would pass `maxWidth`.
enum Legend {
    /// Draws `items` starting at (x, y) (y = text baseline); returns the height used.
    @discardableResult
    static func draw(_ canvas: inout SVGCanvas, items: [LegendItem], x: Double, y: Double, maxWidth: Double) -> Double {
        var cx = x, cy = y
        for item in items {
            let width = 30 + TextMeasure.width(item.label, size: 12) + 18
            if cx > x, cx + width > x + maxWidth {
                cx = x
                cy += 20
            }
            drawSwatch(&canvas, item.swatch, x: cx, y: cy - 4)
            canvas.text(item.label, x: cx + 30, y: cy, size: 12)
            cx += width
        }
        return cy - y + 20
    }

    private static func drawSwatch(_ canvas: inout SVGCanvas, _ swatch: LegendItem.Swatch, x: Double, y: Double) {
        switch swatch {
        case let .box(fill, stroke):
            canvas.rect(x: x + 6, y: y - 7, width: 14, height: 14, fill: fill, stroke: stroke, strokeWidth: stroke == nil ? 1 : 2)
        case let .line(color, dash, marker):
            canvas.line(x1: x, y1: y, x2: x + 24, y2: y, stroke: color, width: 2.5, dash: dash)
            if let marker { canvas.marker(marker, x: x + 12, y: y, size: 8, fill: color) }
        case let .marker(shape, color):
            canvas.marker(shape, x: x + 12, y: y, size: 9, fill: color)
        }
    }
}
