extension ReportModel {
    /// The interaction screen as the report shows it: what was scored, the permutation
    /// threshold, and each accepted pair with its training samples for a scatter plot.
    public struct Interactions: Sendable {
        /// One accepted pair and the points of its scatter plot.
        public struct Pair: Sendable {
            public var firstName: String
            public var secondName: String
            public var statistic: Double
            public var familyWiseP: Double
            /// Whether the pair is in the ranked list (it is not when only stable or included rows
            /// could have given way).
            public var listed: Bool
            /// Standardized values of the two features and each sample's class (index into
            /// `classNames`) or value (regression), at most a few thousand samples.
            public var points: [(x: Double, y: Double, classIndex: Int?, value: Double?)]
            public init(firstName: String, secondName: String, statistic: Double, familyWiseP: Double, listed: Bool,
                        points: [(x: Double, y: Double, classIndex: Int?, value: Double?)]) {
                self.firstName = firstName
                self.secondName = secondName
                self.statistic = statistic
                self.familyWiseP = familyWiseP
                self.listed = listed
                self.points = points
            }
        }

        public var pairs: [Pair]
        public var candidates: Int
        public var samples: Int
        public var permutations: Int
        /// The screen's family-wise level.
        public var level: Double
        public var threshold: Double?
        /// The best pair that did not pass: names and |T|.
        public var largestRejected: (first: String, second: String, statistic: Double)?
        /// Class names for the colours (empty for regression).
        public var classNames: [String]
        /// Pairs above the threshold that did not hold with their members' own squared terms.
        public var unconfirmed = 0

        public init(pairs: [Pair], candidates: Int, samples: Int, permutations: Int, level: Double, threshold: Double?,
                    largestRejected: (first: String, second: String, statistic: Double)?, classNames: [String]) {
            self.pairs = pairs
            self.candidates = candidates
            self.samples = samples
            self.permutations = permutations
            self.level = level
            self.threshold = threshold
            self.largestRejected = largestRejected
            self.classNames = classNames
        }
    }
}
