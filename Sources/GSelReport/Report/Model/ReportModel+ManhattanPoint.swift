extension ReportModel {
    /// A variant on the genome with its selection frequency (Manhattan-style plot).
    public struct ManhattanPoint: Sendable, Equatable {
        /// Chromosome as in the VCF ("1", "chr1", "X", "MT" ...).
        public var chrom: String
        /// 1-based position.
        public var pos: Int
        /// Selection frequency in [0, 1].
        public var frequency: Double
        /// Display name (variant ID or CHROM:POS:REF:ALT).
        public var name: String

        public init(chrom: String, pos: Int, frequency: Double, name: String) {
            self.chrom = chrom
            self.pos = pos
            self.frequency = frequency
            self.name = name
        }
    }
}
