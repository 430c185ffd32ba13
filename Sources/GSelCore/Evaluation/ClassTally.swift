/// Held-out counts per class, the one loop behind balanced accuracy and macro-F1: how many
/// samples of each class there are (`support`), how many the model assigned to it
/// (`assigned`) and how many of those were right (`hits`), indexed by class code (codes are
/// small and non-negative). Sample `i` counts `weights[i]` times (a bootstrap resample) or once
/// each when `weights` is nil.
struct ClassTally {
    var support: [Int]
    var assigned: [Int]
    var hits: [Int]

    init(truth: [Int32], predicted: [Int32], weights: [Int]? = nil) {
        precondition(truth.count == predicted.count && (weights.map { $0.count == truth.count } ?? true))
        let classes = Int(max(truth.max() ?? -1, predicted.max() ?? -1)) + 1
        precondition((truth.min() ?? 0) >= 0 && (predicted.min() ?? 0) >= 0, "class codes are non-negative")
        support = [Int](repeating: 0, count: classes)
        assigned = support
        hits = support
        for i in truth.indices {
            let w = weights?[i] ?? 1
            guard w > 0 else { continue }
            let t = Int(truth[i]), p = Int(predicted[i])
            support[t] += w
            assigned[p] += w
            if t == p { hits[t] += w }
        }
    }

    /// Mean recall over the classes present in the truth; nil when no sample counts.
    /// Summed in class order, so that the value does not depend on the sample order.
    var balancedAccuracy: Double? {
        let labels = support.indices.filter { support[$0] > 0 }
        guard !labels.isEmpty else { return nil }
        return labels.reduce(0.0) { $0 + Double(hits[$1]) / Double(support[$1]) } / Double(labels.count)
    }

    /// Mean F1 over the classes present in the truth or the predictions; nil when no sample counts.
    var macroF1: Double? {
        let labels = support.indices.filter { support[$0] + assigned[$0] > 0 }
        guard !labels.isEmpty else { return nil }
        return labels.reduce(0.0) { $0 + 2 * Double(hits[$1]) / Double(support[$1] + assigned[$1]) } / Double(labels.count)
    }
}
