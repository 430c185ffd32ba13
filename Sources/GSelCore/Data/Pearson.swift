/// Pearson's correlation coefficient: the one implementation behind the `effect` of a
/// regression target, the report's correlation heatmap and the marginal |r| baseline.
public enum Pearson {
    /// r from centred sums: the covariation Σ(x−x̄)(y−ȳ) and the variations Σ(x−x̄)² and
    /// Σ(y−ȳ)²; 0 when either variation is 0 (a constant series correlates with nothing).
    @inline(__always)
    public static func r(covariation: Double, xVariation: Double, yVariation: Double) -> Double {
        guard xVariation > 0, yVariation > 0 else { return 0 }
        return covariation / (xVariation * yVariation).squareRoot()
    }

    /// r of two series of equal length (two passes: means, then centred sums).
    public static func r(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "Pearson.r: series of different lengths")
        guard !x.isEmpty else { return 0 }
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); syy += (y[i] - my) * (y[i] - my)
        }
        return r(covariation: sxy, xVariation: sxx, yVariation: syy)
    }
}
