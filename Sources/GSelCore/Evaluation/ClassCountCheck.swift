import GSelIO

/// Guards model fitting against classes too small to learn from.
public enum ClassCountCheck {
    /// Throws an `InputError` naming every class with fewer than `minimum` samples among
    /// `rows` (indices into `target`; default all samples), and `file`, where the labels
    /// came from, when known. Does nothing for regression.
    public static func require(_ target: Target, rows: [Int]? = nil, minimum: Int = 2,
                               split: String = "the training split", file: String = "") throws {
        guard case .classes(_, let names) = target else { return }
        let counts = (rows.map(target.subset) ?? target).classCounts
        let small = names.indices.filter { counts[$0] < minimum }
        guard !small.isEmpty else { return }
        let listed = small.map { "'\(names[$0])' (\(counts[$0]) sample\(counts[$0] == 1 ? "" : "s"))" }
        throw InputError(file: file, "class\(small.count == 1 ? "" : "es") \(MessageText.list(listed)) in \(split): "
            + "every class needs at least \(minimum) samples there; merge or drop rare classes, "
            + "or lower the validation fraction")
    }
}
