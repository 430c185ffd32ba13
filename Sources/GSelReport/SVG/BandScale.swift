/// Splits a pixel range into `count` equal bands (bars, heatmap rows/columns).
struct BandScale {
    let count: Int
    let start: Double
    let length: Double
    /// Fraction of each band left empty between neighbours.
    let padding: Double

    init(count: Int, start: Double, length: Double, padding: Double = 0) {
        self.count = max(1, count)
        self.start = start
        self.length = length
        self.padding = padding
    }

    /// Width of one band including its padding.
    var step: Double { length / Double(count) }
    /// Drawn width of one band.
    var bandwidth: Double { step * (1 - padding) }
    /// Leading edge of band `index`.
    func position(_ index: Int) -> Double { start + Double(index) * step + step * padding / 2 }
    /// Centre of band `index`.
    func center(_ index: Int) -> Double { position(index) + bandwidth / 2 }
}
