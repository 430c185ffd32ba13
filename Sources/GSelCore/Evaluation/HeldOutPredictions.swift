/// What one refit model said about each validation sample, in validation order: what the
/// metric intervals and paired comparisons resample (the model itself is not refitted).
public enum HeldOutPredictions: Sendable, Equatable, Codable {
    /// Classification: true and predicted class codes, and for two classes the predicted
    /// probability of the second class (code 1), which AUROC ranks.
    case classes(truth: [Int32], predicted: [Int32], positiveScores: [Double]?)
    /// Regression: true and predicted values.
    case values(truth: [Double], predicted: [Double])

    /// Number of validation samples.
    public var count: Int {
        switch self {
        case .classes(let truth, _, _): return truth.count
        case .values(let truth, _): return truth.count
        }
    }

    /// Whether `other` scored the same validation truth (what a paired comparison needs).
    public func hasSameTruth(as other: HeldOutPredictions) -> Bool {
        switch (self, other) {
        case (.classes(let a, _, _), .classes(let b, _, _)): return a == b
        case (.values(let a, _), .values(let b, _)): return a == b
        default: return false
        }
    }

    /// Validation sample indices that a resample keeps in proportion: one group per class
    /// present (in class-code order) for classification, one group of all samples for regression.
    var strata: [[Int]] {
        switch self {
        case .classes(let truth, _, _):
            var groups: [Int32: [Int]] = [:]
            for (i, t) in truth.enumerated() { groups[t, default: []].append(i) }
            return groups.keys.sorted().map { groups[$0]! }
        case .values(let truth, _):
            return truth.isEmpty ? [] : [Array(truth.indices)]
        }
    }
}
