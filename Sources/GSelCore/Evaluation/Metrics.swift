/// Held-out performance measures, defined as in scikit-learn's `sklearn.metrics`.
/// Empty inputs give NaN.
public enum Metrics {
    /// Fraction of correct predictions (`accuracy_score`).
    public static func accuracy(truth: [Int32], predicted: [Int32]) -> Double {
        precondition(truth.count == predicted.count)
        guard !truth.isEmpty else { return .nan }
        return Double(zip(truth, predicted).filter { $0 == $1 }.count) / Double(truth.count)
    }

    /// Mean recall over the classes present in `truth` (`balanced_accuracy_score`).
    public static func balancedAccuracy(truth: [Int32], predicted: [Int32]) -> Double {
        ClassTally(truth: truth, predicted: predicted).balancedAccuracy ?? .nan
    }

    /// Area under the ROC curve of `scores` for `positive` samples against the others,
    /// via the Mann–Whitney U statistic with mid-ranks for ties (`roc_auc_score`).
    /// Nil when only one of the two groups is present.
    public static func auroc(positive: [Bool], scores: [Double]) -> Double? {
        precondition(positive.count == scores.count)
        let n = scores.count
        let positives = positive.filter { $0 }.count, negatives = n - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && scores[order[end]] == scores[order[start]] { end += 1 }
            let midRank = Double(start + end + 1) / 2  // ranks start + 1 ... end
            for i in start ..< end where positive[order[i]] { rankSum += midRank }
            start = end
        }
        let u = rankSum - Double(positives) * Double(positives + 1) / 2
        return u / (Double(positives) * Double(negatives))
    }

    /// Coefficient of determination `1 − SS_res / SS_tot` (`r2_score`); for a constant
    /// truth 1 when the predictions are exact and 0 otherwise.
    public static func r2(truth: [Double], predicted: [Double]) -> Double {
        precondition(truth.count == predicted.count)
        guard !truth.isEmpty else { return .nan }
        let mean = truth.reduce(0, +) / Double(truth.count)
        var residual = 0.0, total = 0.0
        for (t, p) in zip(truth, predicted) {
            residual += (t - p) * (t - p)
            total += (t - mean) * (t - mean)
        }
        if total == 0 { return residual == 0 ? 1 : 0 }
        return 1 - residual / total
    }
}
