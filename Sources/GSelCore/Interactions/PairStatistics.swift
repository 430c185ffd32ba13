import CBLAS

/// The pair statistic of the interaction screen (docs/interactions.md). For standardized
/// candidate columns z_i, z_j and a residual r of the outcome,
///
///     T_ij = Σ_n r_n z_ni z_nj / sqrt(Σ_n r_n² z_ni² z_nj²),
///
/// a self-normalised sum that is about N(0, 1) when the product z_i·z_j carries nothing the
/// residual still holds. The c x c table is two BLAS products, O(n·c²): the numerator
/// Zᵀ diag(r) Z (`sgemm`) and the denominator (|r|·Z²)ᵀ (|r|·Z²) (`ssyrk`). Pairs whose
/// members are substitutes (|corr| ≥ `SubstituteGraph.defaultMinimumCorrelation`: their
/// product is a square, not an interaction) and a feature with itself are never scored.
/// BLAS runs on the caller's thread count (1 in gsel), so the table is the same bytes every run.
public struct PairStatistics: Sendable {
    /// The best pair of one table: candidate positions `first < second`, |T|, and the output
    /// (class, or 0) where |T| is largest.
    public struct Best: Sendable, Equatable {
        public var first: Int
        public var second: Int
        public var statistic: Double
        public var output: Int
    }

    public let sampleCount: Int
    public let candidateCount: Int
    /// Standardized candidate columns, `sampleCount x candidateCount` row-major.
    private let z: [Float]
    /// `z` squared.
    private let squares: [Float]
    /// Upper-triangle mask, `candidateCount²`: 1 where the pair is never scored.
    private let excluded: [UInt8]

    /// `z`: `samples x candidates` row-major standardized values (mean 0, variance 1 over
    /// these samples, or all 0 for a constant column). Candidates with the same non-nil
    /// `slots` entry (members of one consensus slot: substitutes by the fits' use) are not
    /// paired either.
    public init(z: [Float], samples n: Int, candidates c: Int, minimumCorrelation: Double, slots: [Int?]? = nil) {
        precondition(slots == nil || slots!.count == c)
        precondition(z.count == n * c && n > 0)
        self.z = z
        self.squares = z.map { $0 * $0 }
        self.sampleCount = n
        self.candidateCount = c
        var gram = [Float](repeating: 0, count: c * c)
        cblas_ssyrk(CblasRowMajor, CblasUpper, CblasTrans, Int32(c), Int32(n), 1, z, Int32(c), 0, &gram, Int32(c))
        var mask = [UInt8](repeating: 1, count: c * c)
        let limit = Float(minimumCorrelation) * Float(n)
        for i in 0 ..< c {
            for j in i + 1 ..< c where abs(gram[i * c + j]) < limit {
                if let slots, let a = slots[i], a == slots[j] { continue }
                mask[i * c + j] = 0
            }
        }
        excluded = mask
    }

    /// The pair with the largest |T| over the residual columns `residuals` (each `sampleCount`
    /// long; one per class for more than two classes), skipping `skip` (candidate positions,
    /// `first < second`); ties go to the first pair in (output, first, second) order. nil when
    /// no pair can be scored.
    public func best(residuals: [[Float]], skip: Set<[Int]> = []) -> Best? {
        top(residuals: residuals, count: 1, skip: skip).first
    }

    /// The `count` pairs with the largest |T| (each pair once, at its largest output), best
    /// first, ties in (output, first, second) order.
    public func top(residuals: [[Float]], count: Int, skip: Set<[Int]> = []) -> [Best] {
        let n = sampleCount, c = candidateCount
        var numerator = [Float](repeating: 0, count: c * c)
        var denominator = [Float](repeating: 0, count: c * c)
        var weighted = [Float](repeating: 0, count: n * c)
        var kept: [Best] = []  // best first
        for (output, r) in residuals.enumerated() {
            precondition(r.count == n)
            for s in 0 ..< n {
                let w = r[s]
                for j in 0 ..< c { weighted[s * c + j] = w * z[s * c + j] }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(c), Int32(c), Int32(n), 1, z, Int32(c),
                        weighted, Int32(c), 0, &numerator, Int32(c))
            for s in 0 ..< n {
                let w = abs(r[s])
                for j in 0 ..< c { weighted[s * c + j] = w * squares[s * c + j] }
            }
            cblas_ssyrk(CblasRowMajor, CblasUpper, CblasTrans, Int32(c), Int32(n), 1, weighted, Int32(c), 0,
                        &denominator, Int32(c))
            numerator.withUnsafeBufferPointer { num in
                denominator.withUnsafeBufferPointer { den in
                    excluded.withUnsafeBufferPointer { mask in
                        // A pair enters when T² beats the weakest kept pair's (T² = num² / den).
                        var floor = kept.count == count ? kept[count - 1].statistic * kept[count - 1].statistic : -1
                        for i in 0 ..< c {
                            let row = i * c
                            for j in i + 1 ..< c where mask[row + j] == 0 {
                                let d = den[row + j], m = num[row + j]
                                guard d > 0, Double(m) * Double(m) > floor * Double(d) else { continue }
                                if !skip.isEmpty && skip.contains([i, j]) { continue }
                                let t = Double(abs(m)) / Double(d).squareRoot()
                                if let at = kept.firstIndex(where: { $0.first == i && $0.second == j }) {
                                    guard t > kept[at].statistic else { continue }
                                    kept.remove(at: at)
                                }
                                let entry = Best(first: i, second: j, statistic: t, output: output)
                                kept.insert(entry, at: kept.firstIndex { $0.statistic < t } ?? kept.count)
                                if kept.count > count { kept.removeLast() }
                                if kept.count == count { floor = kept[count - 1].statistic * kept[count - 1].statistic }
                            }
                        }
                    }
                }
            }
        }
        return kept
    }
}
