/// One entry of a chart legend: a swatch and its label.
struct LegendItem {
    enum Swatch {
        /// A filled square (bars, cells).
        case box(fill: String, stroke: String?)
        /// A line sample with an optional point symbol (series).
        case line(color: String, dash: String?, marker: MarkerShape?)
        /// A point symbol alone.
        case marker(MarkerShape, color: String)
    }

    let swatch: Swatch
    let label: String
}
