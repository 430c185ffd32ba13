extension ReportModel {
    /// Held-out counts of one refit by true class (rows) and predicted class (columns): what
    /// the panel separates and what it confuses (classification only).
    public struct ClassConfusion: Sendable {
        /// Method name, e.g. "gsel-sa".
        public var method: String
        /// Number of top features the refit used (k′).
        public var k: Int
        /// Class names, in the order of `counts`' rows and columns.
        public var classes: [String]
        /// `counts[t][p]`: held-out samples of class `t` predicted as class `p`.
        public var counts: [[Int]]

        public init(method: String, k: Int, classes: [String], counts: [[Int]]) {
            precondition(counts.count == classes.count && counts.allSatisfy { $0.count == classes.count })
            self.method = method; self.k = k; self.classes = classes; self.counts = counts
        }

        /// Held-out samples of class `c`.
        public func support(_ c: Int) -> Int { counts[c].reduce(0, +) }

        /// Share of class `c`'s held-out samples predicted as `c`; nil when it has none.
        public func recall(_ c: Int) -> Double? {
            let n = support(c)
            return n > 0 ? Double(counts[c][c]) / Double(n) : nil
        }

        /// Classes with held-out samples, lowest recall first (ties: the larger class first,
        /// then class order); at most `limit`.
        public func worst(_ limit: Int) -> [(name: String, recall: Double, correct: Int, support: Int)] {
            let scored = classes.indices.compactMap { c in recall(c).map { (c: c, recall: $0, support: support(c)) } }
            return scored.sorted { ($0.recall, -$0.support, $0.c) < ($1.recall, -$1.support, $1.c) }
                .prefix(limit).map { (name: classes[$0.c], recall: $0.recall, correct: counts[$0.c][$0.c], support: $0.support) }
        }
    }
}
