import GSelIO

extension ReportModel {
    /// One ranked feature (one line of ranking.tsv).
    public struct RankingRow: Sendable, Equatable {
        /// 1-based rank, best first.
        public var rank: Int
        /// Unique feature id (gene id, or CHROM:POS:REF:ALT).
        public var featureID: String
        /// Display name (gene symbol, variant ID).
        public var featureName: String
        /// Share of stability-selection fits that picked the feature, in [0, 1].
        public var selectionFrequency: Double?
        /// Share of the full-split fits (whole training split) that picked it; nil when none ran.
        public var fullFitFrequency: Double?
        /// Whether the frequency reaches the threshold.
        public var stable: Bool?
        /// Mean 1-based pick position over the fits that picked it.
        public var meanSelectionOrder: Double?
        /// The method's score when picked, mean over the fits (attention weight for Sequential
        /// Attention; `ReportModel.scoreTitle` says what it is).
        public var score: Double?
        /// Signed association with the target (e.g. standardized mean difference or correlation).
        public var effect: Double?
        /// Position when the feature is a variant.
        public var variant: VariantPosition?
        /// The feature's near-substitutes that other fits picked in its place, with the share
        /// of the slot's fits that picked each (the feature itself first); empty when none.
        public var substitutes: [(name: String, share: Double)]
        /// What the feature costs and what the rows up to it cost together (`--costs`); nil without costs.
        public var cost: Double?
        public var cumulativeCost: Double?

        public init(rank: Int, featureID: String, featureName: String, selectionFrequency: Double? = nil,
                    fullFitFrequency: Double? = nil, stable: Bool? = nil, meanSelectionOrder: Double? = nil, score: Double? = nil,
                    effect: Double? = nil, variant: VariantPosition? = nil, substitutes: [(name: String, share: Double)] = []) {
            self.rank = rank
            self.featureID = featureID
            self.featureName = featureName
            self.selectionFrequency = selectionFrequency
            self.fullFitFrequency = fullFitFrequency
            self.stable = stable
            self.meanSelectionOrder = meanSelectionOrder
            self.score = score
            self.effect = effect
            self.variant = variant
            self.substitutes = substitutes
        }

        public static func == (a: Self, b: Self) -> Bool {
            a.fullFitFrequency == b.fullFitFrequency && a.rank == b.rank && a.featureID == b.featureID && a.featureName == b.featureName
                && a.selectionFrequency == b.selectionFrequency && a.stable == b.stable
                && a.meanSelectionOrder == b.meanSelectionOrder && a.score == b.score && a.effect == b.effect
                && a.variant == b.variant && a.cost == b.cost && a.cumulativeCost == b.cumulativeCost && a.substitutes.elementsEqual(b.substitutes) { $0.name == $1.name && $0.share == $1.share }
        }
    }
}
