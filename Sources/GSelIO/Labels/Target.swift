/// The phenotype to predict, aligned with the rows of a dataset: encoded labels as the
/// label readers produce them and the selectors consume them.
public enum Target: Sendable, Equatable {
    /// Class index per sample (0 ..< names.count) and the class names, sorted.
    case classes(codes: [Int32], names: [String])
    /// A real value per sample.
    case values([Float])

    public var count: Int {
        switch self {
        case .classes(let c, _): return c.count
        case .values(let v): return v.count
        }
    }

    public var isClassification: Bool {
        if case .classes = self { return true }
        return false
    }

    /// The task this target poses.
    public var task: TaskKind { isClassification ? .classification : .regression }

    /// Number of model outputs: classes, or 1 for regression.
    public var outputCount: Int {
        switch self {
        case .classes(_, let n): return n.count
        case .values: return 1
        }
    }

    /// Samples per class, in class-index order (empty for regression); the one class-count
    /// loop of the project.
    public var classCounts: [Int] {
        guard case .classes(let codes, let names) = self else { return [] }
        var counts = [Int](repeating: 0, count: names.count)
        for c in codes { counts[Int(c)] += 1 }
        return counts
    }

    /// The target restricted to `rows` (in that order).
    public func subset(_ rows: [Int]) -> Target {
        switch self {
        case .classes(let c, let n): return .classes(codes: rows.map { c[$0] }, names: n)
        case .values(let v): return .values(rows.map { v[$0] })
        }
    }
}

/// Kind of prediction problem: what a label column describes and what a run optimises.
public enum TaskKind: String, Sendable, Codable, CaseIterable {
    case classification, regression
}
