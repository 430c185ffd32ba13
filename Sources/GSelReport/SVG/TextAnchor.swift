/// Horizontal alignment of SVG text relative to its x coordinate.
enum TextAnchor: String {
    case start, middle, end
}
