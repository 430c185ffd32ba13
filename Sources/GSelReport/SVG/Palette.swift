/// Colours of the report. Series colours are the Okabe–Ito palette, which stays
/// distinguishable under the common forms of colour blindness.
enum Palette {
    static let text = "#1f2328"
    static let mutedText = "#57606a"
    static let axis = "#57606a"
    static let grid = "#e6e8eb"
    static let background = "#ffffff"
    static let emptyCell = "#f6f8fa"
    static let selectedCell = "#d0d7de"

    static let blue = "#0072B2"
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let green = "#009E73"
    static let vermillion = "#D55E00"
    static let purple = "#CC79A7"
    static let grey = "#8c959f"
    static let lightBlue = "#a9cce3"

    /// Colours for data series in order (method 1, method 2, ...).
    static let series = [blue, orange, green, purple, vermillion, skyBlue]
    /// Dash patterns paired with `series`, so lines also differ without colour.
    static let dashes: [String?] = [nil, "7 4", "2 3", "10 3 2 3", "4 4", "1 2"]
}
