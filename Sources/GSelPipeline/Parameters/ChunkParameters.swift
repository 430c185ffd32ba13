import GSelIO

/// Genome-chunk scatter: which features of the input a run selects from. Whole-genome
/// inputs are split into `count` contiguous chunks of the feature order after QC (genome
/// order for a VCF), optionally within a `region`; a chunk run (`index` set) is an ordinary
/// run on its chunk's features, and the chunked run as a whole (`count` > 1, no `index`) is
/// a tournament: every chunk is selected on its own, then the union of each chunk's k
/// winners goes through the same selection again (`Pipeline.tournament`). Part of
/// `InputParameters` and so of the fit manifest's fingerprint: fits of different chunks
/// never mix, and the tournament knows which chunks it gathered. Nil there when a run uses
/// every feature, so such runs keep the parameters (and fingerprint) they had before.
public struct ChunkParameters: Codable, Sendable, Equatable {
    /// Only variants in this region (`--region`); nil = every feature.
    public var region: GenomeRegion?
    /// Number of chunks (`--chunks N`); nil or 1 = one chunk holding every feature.
    public var count: Int?
    /// The chunk this run selects from, 1 ... count (`--chunk I`); nil = all of them.
    public var index: Int?
    /// Candidates each chunk hands to the tournament (`--chunk-winners M`): the chunk's
    /// ranked k, then its next most frequently picked features; nil = k.
    public var winners: Int?

    public init(region: GenomeRegion? = nil, count: Int? = nil, index: Int? = nil, winners: Int? = nil) {
        self.region = region
        self.count = count
        self.index = index
        self.winners = winners
    }

    /// Largest accepted number of chunks.
    public static let maximumCount = 100_000

    /// The run as a whole: every chunk, then the final selection on their winners.
    public var isTournament: Bool { (count ?? 1) > 1 && index == nil }

    /// This run's chunk `index` (1-based), the rest unchanged.
    public func chunk(_ index: Int) -> ChunkParameters {
        var c = self
        c.index = index
        return c
    }

    /// Throws a `ParameterError` for counts and indices out of range.
    public func validate() throws {
        if let count, !(1 ... Self.maximumCount).contains(count) {
            throw ParameterError("chunks", "must be between 1 and \(Self.maximumCount); got \(count)")
        }
        if let winners, winners < 1 { throw ParameterError("chunk_winners", "must be at least 1; got \(winners)") }
        if let index {
            guard let count else { throw ParameterError("chunk", "needs --chunks N, the number of chunks it is one of") }
            if !(1 ... count).contains(index) { throw ParameterError("chunk", "must be between 1 and --chunks (\(count)); got \(index)") }
        }
    }

    /// The positions of chunk `index` (1-based) of `count` among `featureCount` features:
    /// contiguous and balanced, the first `featureCount mod count` chunks one feature longer.
    public static func slice(_ index: Int, of count: Int, featureCount: Int) -> Range<Int> {
        let base = featureCount / count, extra = featureCount % count
        let start = (index - 1) * base + min(index - 1, extra)
        return start ..< start + base + (index <= extra ? 1 : 0)
    }

    /// Positions of the features in `region` (all without one), ascending. Throws an
    /// `InputError` on `file` when the input has no variant positions or the region holds
    /// no feature.
    public func regionColumns(of features: [FeatureInfo], file: String) throws -> [Int] {
        guard let region else { return Array(features.indices) }
        guard features.contains(where: { $0.variant != nil }) else {
            throw InputError(file: file, "--region \(region) needs variant positions (a VCF input); this input's features have none")
        }
        let columns = features.indices.filter { features[$0].variant.map(region.contains) ?? false }
        guard !columns.isEmpty else {
            var chroms: [String] = []
            for f in features { if let c = f.variant?.chrom, chroms.last != c, !chroms.contains(c) { chroms.append(c) } }
            let shown = chroms.prefix(10).joined(separator: ", ") + (chroms.count > 10 ? ", …" : "")
            throw InputError(file: file, "--region \(region) holds no variant that passed QC; chromosomes in the input: \(shown)")
        }
        return columns
    }

    /// Throws an `InputError` on `file` when `featureCount` features cannot make `count` chunks.
    func requireSplittable(_ featureCount: Int, file: String) throws {
        guard let count, featureCount < count else { return }
        throw InputError(file: file, "\(featureCount) features\(region.map { " in \($0)" } ?? "") cannot be split into \(count) chunks (--chunks); use at most \(featureCount)")
    }
}
