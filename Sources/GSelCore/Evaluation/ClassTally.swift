/// Held-out counts per class, the one loop behind balanced accuracy and macro-F1: how many
/// samples of each class there are (`support`), how many the model assigned to it
/// (`assigned`) and how many of those were right (`hits`). Sample `i` counts `weights[i]`
/// times (a bootstrap resample) or once each when `weights` is nil.
struct ClassTally {
    var support: [Int32: Int] = [:]
    var assigned: [Int32: Int] = [:]
    var hits: [Int32: Int] = [:]

    init(truth: [Int32], predicted: [Int32], weights: [Int]? = nil) {
        precondition(truth.count == predicted.count && (weights.map { $0.count == truth.count } ?? true))
        for i in truth.indices {
            let w = weights?[i] ?? 1
            guard w > 0 else { continue }
            support[truth[i], default: 0] += w
            assigned[predicted[i], default: 0] += w
            if truth[i] == predicted[i] { hits[truth[i], default: 0] += w }
        }
    }

    /// Mean recall over the classes present in the truth; nil when no sample counts.
    /// Summed in class order, so that the value does not depend on hashing.
    var balancedAccuracy: Double? {
        let labels = support.keys.sorted()
        guard !labels.isEmpty else { return nil }
        return labels.reduce(0.0) { $0 + Double(hits[$1, default: 0]) / Double(support[$1]!) } / Double(labels.count)
    }

    /// Mean F1 over the classes present in the truth or the predictions; nil when no sample counts.
    var macroF1: Double? {
        let labels = Set(support.keys).union(assigned.keys).sorted()
        guard !labels.isEmpty else { return nil }
        return labels.reduce(0.0) { $0 + 2 * Double(hits[$1, default: 0]) / Double(support[$1, default: 0] + assigned[$1, default: 0]) }
            / Double(labels.count)
    }
}
