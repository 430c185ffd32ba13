extension ReportModel {
    /// The attention just before one pick: the leading unselected candidates and their share
    /// of the attention mass (softmax weights over the unselected features, in [0, 1]).
    public struct AttentionSnapshot: Sendable {
        /// 1-based pick number.
        public var step: Int
        /// Name of the feature picked at this step (normally the first candidate).
        public var pickedFeatureName: String
        /// Leading candidates, any order.
        public var candidates: [(name: String, weight: Double)]

        public init(step: Int, pickedFeatureName: String, candidates: [(name: String, weight: Double)]) {
            self.step = step
            self.pickedFeatureName = pickedFeatureName
            self.candidates = candidates
        }
    }
}
