/// Direction and size of a feature's association with the target on the training data,
/// for the `effect` column of ranking.tsv:
/// - binary: standardized mean difference (Cohen's d with pooled sd) of the second class
///   (sorted class names) minus the first;
/// - multi-class: the class with the highest mean;
/// - regression: Pearson correlation.
public enum FeatureEffect: Sendable, Equatable {
    case meanDifference(Double)
    case highestClass(String)
    case correlation(Double)

    /// `effect` as written in ranking.tsv.
    public var text: String {
        switch self {
        case .meanDifference(let d), .correlation(let d): return d.isFinite ? String(format4: d) : "NA"
        case .highestClass(let c): return c
        }
    }

    /// Effect of feature `j` over a standardized split and its target.
    public static func of(feature j: Int, in data: StandardizedData, target: Target) -> FeatureEffect {
        let x = data.column(j).map(Double.init)
        switch target {
        case .values(let y):
            let yd = y.map(Double.init)
            let mx = x.reduce(0, +) / Double(x.count), my = yd.reduce(0, +) / Double(yd.count)
            var sxy = 0.0, sxx = 0.0, syy = 0.0
            for i in x.indices {
                sxy += (x[i] - mx) * (yd[i] - my); sxx += (x[i] - mx) * (x[i] - mx); syy += (yd[i] - my) * (yd[i] - my)
            }
            return .correlation(sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0)
        case .classes(let codes, let names):
            var sum = [Double](repeating: 0, count: names.count), sq = sum, n = sum
            for (i, c) in codes.enumerated() {
                sum[Int(c)] += x[i]; sq[Int(c)] += x[i] * x[i]; n[Int(c)] += 1
            }
            let mean = (0 ..< names.count).map { n[$0] > 0 ? sum[$0] / n[$0] : -Double.infinity }
            if names.count == 2 {
                guard n[0] > 1, n[1] > 1 else { return .meanDifference(0) }
                let v0 = (sq[0] - n[0] * mean[0] * mean[0]) / (n[0] - 1)
                let v1 = (sq[1] - n[1] * mean[1] * mean[1]) / (n[1] - 1)
                let pooled = (((n[0] - 1) * v0 + (n[1] - 1) * v1) / (n[0] + n[1] - 2)).squareRoot()
                return .meanDifference(pooled > 0 ? (mean[1] - mean[0]) / pooled : 0)
            }
            var best = 0
            for c in 1 ..< names.count where mean[c] > mean[best] { best = c }
            return .highestClass(names[best])
        }
    }
}

extension String {
    /// Four significant digits, plain notation where sensible: what people read in TSVs.
    init(format4 value: Double) {
        if value == 0 { self = "0"; return }
        let magnitude = abs(value)
        if magnitude >= 1e-3 && magnitude < 1e6 {
            let digits = Swift.max(0, 3 - Int((magnitude).log10Floor))
            self = "\(value.rounded(toPlaces: digits))"
        } else {
            self = "\(Double(Float(value)))"
        }
    }
}

extension Double {
    var log10Floor: Double { (self > 0 ? _log10(self) : 0).rounded(.down) }
    func rounded(toPlaces p: Int) -> Double {
        let m = _pow10(p)
        return (self * m).rounded() / m
    }
}

#if canImport(Glibc)
import Glibc
private func _log10(_ x: Double) -> Double { Glibc.log10(x) }
private func _pow10(_ p: Int) -> Double { Glibc.pow(10, Double(p)) }
#elseif canImport(Darwin)
import Darwin
private func _log10(_ x: Double) -> Double { Darwin.log10(x) }
private func _pow10(_ p: Int) -> Double { Darwin.pow(10, Double(p)) }
#endif
