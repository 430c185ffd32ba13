import Foundation

/// "Nice" axis ticks: multiples of 1, 2 or 5 times a power of ten (the rule used by d3 and R's `pretty`).
public enum NiceTicks {
    /// A round step so that about `count` intervals cover `span` (> 0).
    public static func step(span: Double, count: Int) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(1, count))
        let power = pow(10, floor(log10(raw)))
        let ratio = raw / power
        let factor: Double = ratio >= 50.0.squareRoot() ? 10 : ratio >= 10.0.squareRoot() ? 5 : ratio >= 2.0.squareRoot() ? 2 : 1
        return factor * power
    }

    /// Tick values inside [lo, hi], about `count` of them, all multiples of a nice step.
    public static func ticks(from lo: Double, to hi: Double, count: Int = 5) -> [Double] {
        let (lo, hi) = ordered(lo, hi)
        let s = step(span: hi - lo, count: count)
        let first = Int((lo / s - 1e-9).rounded(.up)), last = Int((hi / s + 1e-9).rounded(.down))
        guard first <= last else { return [] }
        return (first ... last).map { value(index: $0, step: s) }
    }

    /// [lo, hi] widened outwards to the nearest multiples of the nice step, so the axis ends on ticks.
    public static func domain(from lo: Double, to hi: Double, count: Int = 5) -> (lo: Double, hi: Double) {
        let (lo, hi) = ordered(lo, hi)
        let s = step(span: hi - lo, count: count)
        return (value(index: Int((lo / s + 1e-9).rounded(.down)), step: s),
                value(index: Int((hi / s - 1e-9).rounded(.up)), step: s))
    }

    /// Tick text with as many decimals as the step needs (step 0.2 -> "0.4", step 5 -> "15").
    public static func label(_ value: Double, step: Double) -> String {
        let decimals = step > 0 ? max(0, Int((-log10(step) - 1e-9).rounded(.up))) : 0
        let text = String(format: "%.\(min(decimals, 12))f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// Nice ticks inside [lo, hi] paired with their labels.
    static func labelled(from lo: Double, to hi: Double, count: Int = 5) -> [(value: Double, label: String)] {
        let (a, b) = ordered(lo, hi)
        let s = step(span: b - a, count: count)
        return ticks(from: a, to: b, count: count).map { ($0, label($0, step: s)) }
    }

    /// `index * step` computed without the drift of repeated addition (0.1 * 3 -> 0.3).
    private static func value(index: Int, step: Double) -> Double {
        step < 1 ? Double(index) / (1 / step).rounded() : Double(index) * step
    }

    /// A non-empty interval: equal ends are widened around the value.
    private static func ordered(_ a: Double, _ b: Double) -> (Double, Double) {
        let lo = min(a, b), hi = max(a, b)
        if hi > lo { return (lo, hi) }
        let pad = lo == 0 ? 1 : abs(lo) * 0.1
        return (lo - pad, hi + pad)
    }
}
