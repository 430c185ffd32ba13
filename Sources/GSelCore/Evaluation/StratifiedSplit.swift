import GSelIO

/// A deterministic train / validation split of the samples: stratified by class
/// for classification (each class contributes its share, largest remainders first,
/// and keeps at least two samples in training so a model can still learn it),
/// uniformly random for regression.
/// Row lists are ascending indices into the target.
public struct StratifiedSplit: Sendable, Equatable {
    public let train: [Int]
    public let validation: [Int]

    /// Splits `rows` (default: all samples of `target`) so that about
    /// `validationFraction` of them (rounded, at least 1, at most all but 1) go to validation.
    /// Throws a `ParameterError` for a fraction outside (0, 1), an `InputError` for fewer than 2 rows.
    public init(target: Target, validationFraction: Double, seed: UInt64, stream: [UInt64] = [],
                rows: [Int]? = nil) throws {
        let all = rows ?? Array(0 ..< target.count)
        guard validationFraction > 0, validationFraction < 1 else {
            throw ParameterError("validation_fraction", "must be above 0 and below 1 to split; got \(validationFraction)")
        }
        guard all.count >= 2 else {
            throw InputError(file: "", "a train/validation split needs at least 2 samples, found \(all.count)")
        }
        let wanted = min(all.count - 1, max(1, Int((validationFraction * Double(all.count)).rounded())))
        let strata = SampleStrata.of(all, target: target)
        let quotas = Self.quotas(sizes: strata.map(\.count), total: wanted, fraction: validationFraction,
                                 keep: target.isClassification ? 2 : 1)
        var generator = SeededGenerator(seed: seed, stream: stream)
        var train: [Int] = [], validation: [Int] = []
        for (group, quota) in zip(strata, quotas) {
            var shuffled = group
            generator.shuffle(&shuffled)
            validation += shuffled[..<quota]
            train += shuffled[quota...]
        }
        self.train = train.sorted()
        self.validation = validation.sorted()
    }

    /// Validation counts per stratum summing to `total` (when capacity allows): the
    /// floor of each stratum's share, then one more to the largest remainders (ties to
    /// the lower stratum), always leaving `keep` samples of a stratum in training.
    static func quotas(sizes: [Int], total: Int, fraction: Double, keep: Int) -> [Int] {
        let capacity = sizes.map { max(0, $0 - keep) }
        var quota = zip(sizes, capacity).map { size, cap in min(cap, Int(fraction * Double(size))) }
        let remainders = sizes.map { fraction * Double($0) - (fraction * Double($0)).rounded(.down) }
        let order = sizes.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        var missing = total - quota.reduce(0, +)
        while missing > 0 {
            var progressed = false
            for s in order where missing > 0 && quota[s] < capacity[s] {
                quota[s] += 1; missing -= 1; progressed = true
            }
            if !progressed { break }
        }
        return quota
    }
}
