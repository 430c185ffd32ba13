#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Metrics {
    /// The standard normal quantile for a two-sided 95 % interval, Φ⁻¹(0.975).
    static let z95 = 1.959963984540054

    /// Wilson score interval for `correct` successes out of `total` trials at 95 %
    /// (statsmodels `proportion_confint(method='wilson')`); nil when `total` is 0.
    public static func wilson(correct: Int, total: Int) -> MetricInterval? {
        precondition(correct >= 0 && correct <= total)
        guard total > 0 else { return nil }
        let n = Double(total), p = Double(correct) / n, z2 = z95 * z95
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z95 / denominator * sqrt(p * (1 - p) / n + z2 / (4 * n * n))
        // Exact at the ends (0 of n, n of n), where rounding would leave 1e-17 outside [0, 1].
        return MetricInterval(low: correct == 0 ? 0 : max(0, center - half),
                              high: correct == total ? 1 : min(1, center + half))
    }

    /// The `q` quantile (0 ≤ q ≤ 1) of ascending `sorted` values with linear interpolation
    /// between order statistics (numpy's default `percentile`).
    static func quantile(sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty && q >= 0 && q <= 1)
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down)), fraction = position - Double(below)
        guard below + 1 < sorted.count, fraction > 0 else { return sorted[below] }
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below])
    }

    /// Percentile interval (2.5 % and 97.5 % quantiles) of bootstrap replicates; non-finite
    /// replicates are left out, nil when none is finite.
    static func percentileInterval(_ replicates: [Double]) -> MetricInterval? {
        let sorted = replicates.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        let tail = (1 - MetricInterval.level) / 2
        return MetricInterval(low: quantile(sorted: sorted, tail), high: quantile(sorted: sorted, 1 - tail))
    }
}
