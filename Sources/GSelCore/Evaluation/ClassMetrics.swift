/// Held-out scores of one class for one refit, as scikit-learn's
/// `precision_recall_fscore_support(labels=all classes, zero_division=0)` gives them:
/// recall = TP / support, precision = TP / predicted, F1 = 2·TP / (support + predicted)
/// (the harmonic mean of the two), each 0 where its denominator is 0 (a class with no
/// held-out samples, or one the model never predicted).
public struct ClassMetrics: Sendable, Equatable, Codable {
    /// The class code (index into the target's class names).
    public var classCode: Int32
    /// Held-out samples of the class.
    public var support: Int
    /// Held-out samples the model assigned to the class.
    public var predicted: Int
    /// Held-out samples of the class assigned to it.
    public var truePositives: Int

    public init(classCode: Int32, support: Int, predicted: Int, truePositives: Int) {
        precondition(truePositives <= support && truePositives <= predicted)
        self.classCode = classCode; self.support = support; self.predicted = predicted; self.truePositives = truePositives
    }

    public var recall: Double { support > 0 ? Double(truePositives) / Double(support) : 0 }
    public var precision: Double { predicted > 0 ? Double(truePositives) / Double(predicted) : 0 }
    public var f1: Double { support + predicted > 0 ? 2 * Double(truePositives) / Double(support + predicted) : 0 }
}

extension Metrics {
    /// Held-out counts by true class (rows) and predicted class (columns), `classCount x classCount`
    /// (`confusion_matrix(labels=range(classCount))`).
    public static func confusion(truth: [Int32], predicted: [Int32], classCount: Int) -> [[Int]] {
        precondition(truth.count == predicted.count)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
        for (t, p) in zip(truth, predicted) {
            precondition(t >= 0 && Int(t) < classCount && p >= 0 && Int(p) < classCount, "class code out of range")
            counts[Int(t)][Int(p)] += 1
        }
        return counts
    }

    /// Recall, precision, F1 and support of every class `0 ..< classCount`, in code order
    /// (`ClassMetrics`; zero_division = 0).
    public static func perClass(truth: [Int32], predicted: [Int32], classCount: Int) -> [ClassMetrics] {
        let counts = confusion(truth: truth, predicted: predicted, classCount: classCount)
        return (0 ..< classCount).map { c in
            ClassMetrics(classCode: Int32(c), support: counts[c].reduce(0, +),
                         predicted: counts.reduce(0) { $0 + $1[c] }, truePositives: counts[c][c])
        }
    }

    /// Mean F1 over the classes present in `truth` or `predicted`
    /// (`f1_score(average='macro', zero_division=0)` with its default labels).
    public static func macroF1(truth: [Int32], predicted: [Int32]) -> Double {
        precondition(truth.count == predicted.count)
        return macroF1(truth: truth, predicted: predicted, weights: nil) ?? .nan
    }

    /// `macroF1` with sample `i` counted `weights[i]` times (a bootstrap resample; nil: once
    /// each); nil when no sample counts.
    static func macroF1(truth: [Int32], predicted: [Int32], weights: [Int]?) -> Double? {
        ClassTally(truth: truth, predicted: predicted, weights: weights).macroF1
    }
}
