extension ReportModel {
    /// gsel's top k against the baseline's on the held-out samples: the paired bootstrap
    /// of the difference in one metric (what the summary says about telling them apart).
    public struct HeldOutComparison: Sendable {
        /// Method names, e.g. "gsel-sa" and "marginal".
        public var method: String, baseline: String
        /// The k' both were compared at.
        public var k: Int
        /// Display name of the compared metric, e.g. "balanced accuracy".
        public var metric: String
        public var validationSamples: Int
        /// Each method's value of `metric` and its 95 % interval.
        public var value: Double, interval: ClosedRange<Double>?
        public var baselineValue: Double, baselineInterval: ClosedRange<Double>?
        /// `value − baselineValue` and its 95 % paired-bootstrap interval.
        public var difference: Double, differenceInterval: ClosedRange<Double>
        /// The method's held-out accuracy and its Wilson interval (classification), which
        /// unlike a bootstrap interval stays wide for a perfect score on few samples.
        public var accuracy: Double?, accuracyInterval: ClosedRange<Double>?

        public init(method: String, baseline: String, k: Int, metric: String, validationSamples: Int,
                    value: Double, interval: ClosedRange<Double>?, baselineValue: Double, baselineInterval: ClosedRange<Double>?,
                    difference: Double, differenceInterval: ClosedRange<Double>,
                    accuracy: Double? = nil, accuracyInterval: ClosedRange<Double>? = nil) {
            self.method = method; self.baseline = baseline; self.k = k; self.metric = metric
            self.validationSamples = validationSamples
            self.value = value; self.interval = interval
            self.baselineValue = baselineValue; self.baselineInterval = baselineInterval
            self.difference = difference; self.differenceInterval = differenceInterval
            self.accuracy = accuracy; self.accuracyInterval = accuracyInterval
        }

        /// Whether the held-out samples tell the two apart: the difference's interval excludes 0.
        public var separated: Bool { !differenceInterval.contains(0) }
    }
}
