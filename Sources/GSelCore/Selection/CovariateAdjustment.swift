import GSelIO

/// The marginal statistics of `MarginalSelector`, given the covariates of a split (the
/// Frisch–Waugh–Lovell theorem). With Q an orthonormal basis of the centred covariate
/// columns and T the centred target contrasts (`y − ȳ`, or the centred class indicators in
/// the Helmert contrasts of `OrthogonalMatchingPursuit.centredTargets`), the covariates are
/// regressed out of both: `T̃ = T − Q QᵀT` and, for a feature with centred values `x`,
/// `x̃ = x − Q Qᵀx`. Since `T̃ ⟂ Q`, `T̃ᵀx̃ = T̃ᵀx`, so one pass over the data collecting
/// Σx, Σx², per-class (or y-weighted) sums and Qᵀx gives every statistic:
/// - classification: the partial F of the classes on the feature given the covariates,
///   `(e / d) / ((‖x̃‖² − e) / (n − 1 − r − d))` with `e = ‖P_T̃ x̃‖²`, d = rank of T̃
///   (present classes − 1) and r = rank of the covariates: the ANCOVA F test of PLINK-style
///   adjustment, and scikit-learn's `f_classif` when there are no covariates;
/// - regression: the absolute partial correlation `|T̃ᵀx| / (‖x̃‖ ‖T̃‖)`, `|r_regression|`
///   without covariates.
/// A covariate in the span of the ones before it on this split (a level absent from a half,
/// say) is left out of Q.
struct CovariateAdjustment {
    /// Orthonormal basis of the centred covariates, column-major n x `rank`.
    let basis: [Double]
    let rank: Int
    private let sampleCount: Int
    private let isClassification: Bool
    /// Target contrasts: `Tᵀx = Σ_g groupSums[g] · rows[g] + Σx · shift` (m values each).
    private let groupRows: [[Double]]
    private let shift: [Double]
    /// `QᵀT`, rank x m row-major.
    private let basisTimesTargets: [Double]
    /// Contrasts of T̃ kept (linearly independent), and the Cholesky factor of their Gram matrix.
    private let keptContrasts: [Int]
    private let gram: IncrementalCholesky
    /// Regression: ‖T̃‖² (0 when the covariates explain the target exactly).
    private let residualTargetEnergy: Double

    /// Share of a column's squared norm below which it counts as in the span of others.
    private static let spanTolerance = 1e-8

    init(_ data: StandardizedData, target: Target) throws {
        let n = data.sampleCount
        sampleCount = n
        isClassification = target.isClassification
        // Orthonormal basis of the centred covariates, by Gram–Schmidt applied twice.
        var basis: [Double] = []
        for j in data.covariateColumns {
            let raw = data.column(j).map(Double.init)
            let mean = raw.reduce(0, +) / Double(max(n, 1))
            var v = raw.map { $0 - mean }
            let norm = Self.dot(v, v)
            for _ in 0 ..< 2 {
                for k in 0 ..< basis.count / n {
                    let q = basis[k * n ..< (k + 1) * n]
                    let c = zip(q, v).reduce(0) { $0 + $1.0 * $1.1 }
                    for (i, qi) in zip(v.indices, q) { v[i] -= c * qi }
                }
            }
            let left = Self.dot(v, v)
            guard norm > 0, left > Self.spanTolerance * norm else { continue }
            let inverse = 1 / left.squareRoot()
            basis += v.map { $0 * inverse }
        }
        self.basis = basis
        rank = basis.count / max(n, 1)
        let (t, m) = OrthogonalMatchingPursuit.centredTargets(target)
        // How Tᵀx follows from the per-group sums and Σx.
        switch target {
        case .classes(let codes, let names):
            var rows = [[Double]](repeating: [Double](repeating: 0, count: m), count: names.count)
            for (i, c) in codes.enumerated() { rows[Int(c)] = Array(t[i * m ..< (i + 1) * m]) }
            groupRows = rows
            shift = [Double](repeating: 0, count: m)
        case .values(let v):
            groupRows = [[1]]
            shift = [-(v.reduce(0.0) { $0 + Double($1) } / Double(max(n, 1)))]
        }
        // T̃ = T − Q (QᵀT) and the Gram matrix of its independent contrasts.
        var a = [Double](repeating: 0, count: rank * m)
        var residual = t
        for k in 0 ..< rank {
            for c in 0 ..< m {
                var s = 0.0
                for i in 0 ..< n { s += basis[k * n + i] * t[i * m + c] }
                a[k * m + c] = s
                for i in 0 ..< n { residual[i * m + c] -= s * basis[k * n + i] }
            }
        }
        basisTimesTargets = a
        func product(_ c: Int, _ d: Int, _ x: [Double]) -> Double {
            var s = 0.0
            for i in 0 ..< n { s += x[i * m + c] * x[i * m + d] }
            return s
        }
        var cholesky = IncrementalCholesky()
        var kept: [Int] = []
        for c in 0 ..< m where cholesky.append(cross: kept.map { product($0, c, residual) },
                                               diagonal: product(c, c, residual),
                                               relativeTolerance: Self.spanTolerance) {
            kept.append(c)
        }
        keptContrasts = kept
        gram = cholesky
        residualTargetEnergy = m == 1 && !kept.isEmpty ? product(0, 0, residual) : 0
        if isClassification, n - 1 - rank - kept.count < 1 {
            throw InputError(file: "", "marginal: the F-test needs more samples (\(n)) than classes (\(kept.count + 1)) and covariate columns (\(rank))")
        }
    }

    /// The statistic of one feature from its sums over the split: Σx, Σx², the weighted
    /// sums per group (classes, or the y-weighted sum for regression) and Qᵀx.
    func statistic(sum: Double, sumOfSquares: Double, groupSums: [Double], basisProducts u: [Double]) -> Double {
        let n = Double(sampleCount)
        let centred = sumOfSquares - sum * sum / n
        var total = centred
        for v in u { total -= v * v }
        // A feature (numerically) in the span of the covariates has nothing left to test.
        if total <= Self.spanTolerance * centred { total = 0 }
        // T̃ᵀx for the kept contrasts.
        var products = keptContrasts.map { c in
            var s = sum * shift[c]
            for (g, value) in groupSums.enumerated() where value != 0 { s += value * groupRows[g][c] }
            for k in 0 ..< rank { s -= basisTimesTargets[k * shift.count + c] * u[k] }
            return s
        }
        if !isClassification {
            guard let covariation = products.first else { return 0 }
            return min(1, abs(Pearson.r(covariation: covariation, xVariation: total, yVariation: residualTargetEnergy)))
        }
        let v = products
        gram.solve(&products, columns: 1)
        let explained = zip(v, products).reduce(0) { $0 + $1.0 * $1.1 }
        let d = keptContrasts.count
        return Self.fStatistic(total: total, between: explained, degrees: d, residualDegrees: sampleCount - 1 - rank - d)
    }

    /// F from the total and explained sums of squares and their degrees of freedom; +∞
    /// when the explained part is everything (constant within every class), 0 for a
    /// constant feature.
    private static func fStatistic(total: Double, between: Double, degrees: Int, residualDegrees: Int) -> Double {
        guard total > 0, degrees > 0 else { return 0 }
        let b = min(max(between, 0), total)
        let within = total - b
        if within <= 1e-12 * total { return b > 0 ? .infinity : 0 }
        return (b / Double(degrees)) / (within / Double(residualDegrees))
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
}
