import Foundation

/// The upper tail of a table's maximum |T| under the null, from a few permuted tables: a
/// Gumbel distribution fitted to the permuted maxima by moments (the maximum of many nearly
/// independent, light-tailed statistics is Gumbel-distributed). It turns 19 permutations into
/// a family-wise p-value for any |T| and a threshold at a level far below 1/20, without 100s
/// of permuted tables (cf. Knijnenburg et al. 2009 on fitting tails to permutation nulls).
public struct GumbelTail: Sendable, Equatable {
    /// Location μ and scale β of the fitted distribution.
    public let location: Double
    public let scale: Double

    /// Fits by moments: β = s·√6/π, μ = mean − γ·β (s the sample standard deviation).
    public init(maxima: [Double]) {
        precondition(maxima.count >= 2)
        let n = Double(maxima.count)
        let mean = maxima.reduce(0, +) / n
        let sd = (maxima.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        scale = sd * 6.0.squareRoot() / Double.pi
        location = mean - 0.577_215_664_901_532_9 * scale
    }

    /// P(maximum ≥ t) under the fitted null.
    public func exceedance(_ t: Double) -> Double {
        guard scale > 0 else { return t > location ? 0 : 1 }
        return -expm1(-exp(-(t - location) / scale))
    }

    /// The t with P(maximum ≥ t) = `level`.
    public func quantile(level: Double) -> Double {
        location - scale * log(-log1p(-level))
    }
}
