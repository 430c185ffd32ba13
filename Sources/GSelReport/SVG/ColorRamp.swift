/// A continuous colour scale interpolated in RGB between evenly spaced stops.
struct ColorRamp: Sendable {
    private let stops: [(r: Double, g: Double, b: Double)]

    init(hex: [String]) {
        stops = hex.map { code in
            let digits = code.dropFirst()
            let value = Int(digits, radix: 16) ?? 0
            return (Double((value >> 16) & 0xFF), Double((value >> 8) & 0xFF), Double(value & 0xFF))
        }
    }

    /// ColorBrewer "Blues": white to dark blue, for magnitudes (attention mass).
    static let blues = ColorRamp(hex: ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6",
                                       "#4292c6", "#2171b5", "#08519c", "#08306b"])
    /// ColorBrewer "RdBu" (blue = negative, white = 0, red = positive), colour-blind safe, for correlations.
    static let blueWhiteRed = ColorRamp(hex: ["#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7",
                                              "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f"])

    /// `#rrggbb` at position `t` in [0, 1] (clamped).
    func color(_ t: Double) -> String {
        let (r, g, b) = rgb(t)
        return "#" + [r, g, b].map { component in
            let v = Int(component.rounded())
            return (v < 16 ? "0" : "") + String(v, radix: 16)
        }.joined()
    }

    /// Dark or white text, whichever reads better on the colour at `t`.
    func textColor(_ t: Double) -> String {
        let (r, g, b) = rgb(t)
        let luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
        return luminance < 0.5 ? "#ffffff" : Palette.text
    }

    private func rgb(_ t: Double) -> (Double, Double, Double) {
        let t = t.isFinite ? min(1, max(0, t)) : 0
        let scaled = t * Double(stops.count - 1)
        let i = min(stops.count - 2, Int(scaled))
        let f = scaled - Double(i)
        let a = stops[i], b = stops[i + 1]
        return (a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f)
    }
}
