import Foundation

/// Maps a numeric domain onto a pixel range, linearly or on a log10 axis.
struct ContinuousScale {
    let domain: (lo: Double, hi: Double)
    let range: (start: Double, end: Double)
    let logarithmic: Bool

    init(domain: (lo: Double, hi: Double), range: (start: Double, end: Double), logarithmic: Bool = false) {
        self.domain = domain
        self.range = range
        self.logarithmic = logarithmic
    }

    /// Pixel position of `value` (values outside the domain extrapolate).
    func callAsFunction(_ value: Double) -> Double {
        let t0 = transform(domain.lo), t1 = transform(domain.hi)
        let t = t1 == t0 ? 0.5 : (transform(value) - t0) / (t1 - t0)
        return range.start + t * (range.end - range.start)
    }

    private func transform(_ v: Double) -> Double {
        logarithmic ? log10(max(v, .leastNormalMagnitude)) : v
    }
}
