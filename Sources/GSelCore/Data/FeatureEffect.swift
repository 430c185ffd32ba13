import GSelIO

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

    /// Effect of feature `j` over a standardized split and its target.
    public static func of(feature j: Int, in data: StandardizedData, target: Target) -> FeatureEffect {
        let x = data.column(j).map(Double.init)
        switch target {
        case .values(let y):
            return .correlation(Pearson.r(x, y.map(Double.init)))
        case .classes(let codes, let names):
            var sum = [Double](repeating: 0, count: names.count), sq = sum
            for (i, c) in codes.enumerated() {
                sum[Int(c)] += x[i]; sq[Int(c)] += x[i] * x[i]
            }
            let n = target.classCounts.map(Double.init)
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
