/// Scores one refit's held-out predictions on bootstrap resamples. A resample is given as
/// how often each validation sample was drawn (`weights`), so every metric is a weighted
/// sum over the original samples, and AUROC walks groups of tied scores sorted once up
/// front: the same numbers as `Metrics` on the resample written out, in O(n) per resample.
struct BootstrapScorer {
    let predictions: HeldOutPredictions
    /// Sample indices per stratum (`HeldOutPredictions.strata`): per class for classification.
    let strata: [[Int]]
    /// Classification: whether each sample was predicted correctly.
    private let correct: [Bool]
    /// Binary classification: sample indices in groups of equal score, ascending.
    private let tiedScores: [[Int]]

    init(_ predictions: HeldOutPredictions) {
        self.predictions = predictions
        strata = predictions.strata
        switch predictions {
        case .classes(let truth, let predicted, let scores):
            correct = zip(truth, predicted).map { $0 == $1 }
            var groups: [[Int]] = []
            if let scores {
                for i in scores.indices.sorted(by: { scores[$0] < scores[$1] }) {
                    if let last = groups.last?.last, scores[last] == scores[i] { groups[groups.count - 1].append(i) } else { groups.append([i]) }
                }
            }
            tiedScores = groups
        case .values:
            correct = []; tiedScores = []
        }
    }

    /// One stratified resample: from each stratum as many draws with replacement as it has
    /// members, so every class keeps its validation count. Returns draws per sample.
    func draw(using g: inout SeededGenerator) -> [Int] {
        var weights = [Int](repeating: 0, count: predictions.count)
        for stratum in strata {
            for _ in stratum { weights[stratum[Int(g.next() % UInt64(stratum.count))]] += 1 }
        }
        return weights
    }

    /// `metric` on the resample `weights`; nil where it is undefined (a classification
    /// metric for regression, AUROC without scores or without one of the two classes).
    func score(_ metric: HeldOutMetric, _ weights: [Int]) -> Double? {
        switch (metric, predictions) {
        case (.accuracy, .classes):
            let total = weights.reduce(0, +)
            guard total > 0 else { return nil }
            return Double(weights.indices.reduce(0) { $0 + (correct[$1] ? weights[$1] : 0) }) / Double(total)
        case (.balancedAccuracy, .classes(let truth, let predicted, _)):
            return ClassTally(truth: truth, predicted: predicted, weights: weights).balancedAccuracy
        case (.auroc, .classes(let truth, _, _)):
            return auroc(truth: truth, weights)
        case (.r2, .values(let truth, let predicted)):
            return r2(truth: truth, predicted: predicted, weights)
        case (.macroF1, .classes(let truth, let predicted, _)):
            return Metrics.macroF1(truth: truth, predicted: predicted, weights: weights)
        default:
            return nil
        }
    }

    /// Mann–Whitney U with ties counted one half, over weighted samples (`Metrics.auroc`).
    private func auroc(truth: [Int32], _ weights: [Int]) -> Double? {
        guard !tiedScores.isEmpty else { return nil }
        var u = 0.0, negativesBelow = 0.0, positives = 0.0
        for group in tiedScores {
            var p = 0.0, n = 0.0
            for i in group { if truth[i] == 1 { p += Double(weights[i]) } else { n += Double(weights[i]) } }
            u += p * (negativesBelow + n / 2)
            negativesBelow += n; positives += p
        }
        guard positives > 0, negativesBelow > 0 else { return nil }
        return u / (positives * negativesBelow)
    }

    /// `1 − SS_res / SS_tot` over weighted samples (`Metrics.r2`).
    private func r2(truth: [Double], predicted: [Double], _ weights: [Int]) -> Double? {
        let total = Double(weights.reduce(0, +))
        guard total > 0 else { return nil }
        let mean = truth.indices.reduce(0.0) { $0 + Double(weights[$1]) * truth[$1] } / total
        var residual = 0.0, spread = 0.0
        for i in truth.indices where weights[i] > 0 {
            let w = Double(weights[i])
            residual += w * (truth[i] - predicted[i]) * (truth[i] - predicted[i])
            spread += w * (truth[i] - mean) * (truth[i] - mean)
        }
        if spread == 0 { return residual == 0 ? 1 : 0 }
        return 1 - residual / spread
    }
}
