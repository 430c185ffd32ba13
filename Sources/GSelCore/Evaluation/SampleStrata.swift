import GSelIO

/// Groups of rows that a split must keep in proportion: one group per class
/// (in class order, rows in the given order) for classification, one group of all
/// rows for regression.
enum SampleStrata {
    /// `rows` (indices into `target`) grouped by class; classes without rows give empty groups.
    static func of(_ rows: [Int], target: Target) -> [[Int]] {
        switch target {
        case .values:
            return [rows]
        case .classes(let codes, let names):
            var groups = [[Int]](repeating: [], count: names.count)
            for r in rows { groups[Int(codes[r])].append(r) }
            return groups
        }
    }
}
