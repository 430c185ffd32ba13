/// A small SVG writer: appends shapes and text with coordinates rounded to 0.01 and all
/// text escaped, then wraps them in an accessible `<svg>` element (title, description,
/// intrinsic size plus viewBox so CSS can scale it down on narrow screens).
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A rectangle; `title` becomes a native hover tooltip.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       stroke: String? = nil, strokeWidth: Double = 1, title: String? = nil) {
        body += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\" fill=\"\(fill)\""
        if let stroke { body += " stroke=\"\(stroke)\" stroke-width=\"\(n(strokeWidth))\"" }
        close("rect", title: title)
    }

    /// A straight line; `dash` is an SVG dash array such as "6 4".
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                       width: Double = 1, dash: String? = nil) {
        body += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
        if let dash { body += " stroke-dasharray=\"\(dash)\"" }
        body += "/>"
    }

    /// An open polyline through `points`.
    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 2, dash: String? = nil) {
        guard points.count > 1 else { return }
        body += "<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\" stroke-linejoin=\"round\" points=\""
        body += points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
        body += "\""
        if let dash { body += " stroke-dasharray=\"\(dash)\"" }
        body += "/>"
    }

    /// A point symbol of diameter `size` centred at (x, y).
    mutating func marker(_ shape: MarkerShape, x: Double, y: Double, size: Double, fill: String,
                         stroke: String = "#ffffff", title: String? = nil) {
        let r = size / 2
        let element: String
        switch shape {
        case .circle:
            element = "circle"
            body += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\""
        case .square:
            element = "rect"
            body += "<rect x=\"\(n(x - r * 0.9))\" y=\"\(n(y - r * 0.9))\" width=\"\(n(r * 1.8))\" height=\"\(n(r * 1.8))\""
        case .triangle:
            element = "polygon"
            body += "<polygon points=\"\(n(x)),\(n(y - r * 1.1)) \(n(x + r)),\(n(y + r * 0.8)) \(n(x - r)),\(n(y + r * 0.8))\""
        case .diamond:
            element = "polygon"
            body += "<polygon points=\"\(n(x)),\(n(y - r * 1.2)) \(n(x + r)),\(n(y)) \(n(x)),\(n(y + r * 1.2)) \(n(x - r)),\(n(y))\""
        }
        body += " fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1\""
        close(element, title: title)
    }

    /// Text at (x, y) (baseline), optionally rotated about that point.
    mutating func text(_ string: String, x: Double, y: Double, anchor: TextAnchor = .start, size: Double = 12,
                       bold: Bool = false, fill: String = Palette.text, rotate: Double? = nil, title: String? = nil) {
        body += "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\""
        if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { body += " font-weight=\"600\"" }
        if fill != Palette.text { body += " fill=\"\(fill)\"" }
        if let rotate { body += " transform=\"rotate(\(n(rotate)) \(n(x)) \(n(y)))\"" }
        body += ">"
        if let title { body += "<title>\(Markup.escape(title))</title>" }
        body += Markup.escape(string) + "</text>"
    }

    /// The finished `<svg>` element. `title` is the accessible name, `description` a longer summary.
    func render(title: String, description: String) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" "
            + "role=\"img\" aria-label=\"\(Markup.escape(title))\">"
            + "<title>\(Markup.escape(title))</title><desc>\(Markup.escape(description))</desc>"
            + body + "</svg>"
    }

    /// Ends the open `element` tag, with a tooltip child when `title` is given.
    private mutating func close(_ element: String, title: String?) {
        if let title {
            body += "><title>\(Markup.escape(title))</title></\(element)>"
        } else {
            body += "/>"
        }
    }

    /// Coordinate text rounded to two decimals, without trailing zeros.
    private func n(_ value: Double) -> String {
        SVGCanvas.number(value)
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100, frac = magnitude % 100
        if frac == 0 { return sign + String(whole) }
        if frac % 10 == 0 { return "\(sign)\(whole).\(frac / 10)" }
        return "\(sign)\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }
}
