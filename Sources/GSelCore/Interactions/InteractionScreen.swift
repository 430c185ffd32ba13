import CBLAS
import Foundation
import GSelIO

/// The interaction screen of a run (docs/interactions.md): finds pairs of features that
/// predict only jointly (XOR-like epistasis), which greedy forward selection cannot see
/// because neither member has a first-order gain.
///
/// 1. Refit the ranked features, the covariates and the candidates' leading principal
///    components on the training split: logistic regression (C = 1) for classes, ridge
///    (α = 1) for a value, as the held-out evaluation refits them. Its residual (per class
///    for more than two classes) is what the ranked features and the shared background
///    leave unexplained.
/// 2. Score every pair of candidates by `PairStatistics` on that residual.
/// 3. Calibrate by permutation: the residual's rows are permuted `permutations` times, a
///    Gumbel distribution is fitted to the permuted tables' maxima, and a pair counts only
///    when its |T| exceeds that null's `level` quantile (a family-wise level over all pairs
///    and classes) and every permuted maximum.
/// 4. Confirm: a leading pair above the threshold is accepted only when its |T| stays above
///    it with both members' linear and squared terms in the refit (a product that stands in
///    for a curved main effect of a member, common on real expression data, does not).
/// 5. Forward: the accepted pair's product joins the refit, the residual is recomputed
///    and the table scored again, so pairs of proxies of an accepted pair (variants in
///    linkage disequilibrium with its members) lose their signal; up to `maximumPairs`.
///
/// Candidates are the caller's order (ranked features first) cut to what the time budget
/// allows (`candidateLimit`), on at most `maximumSamples` training samples.
public enum InteractionScreen {
    /// One accepted pair (features `first`, `second`, in input order).
    public struct Pair: Sendable, Equatable {
        public var first: Int
        public var second: Int
        /// |T| of the pair on the residual it was accepted on.
        public var statistic: Double
        /// Family-wise p-value: the chance that the largest |T| of a table without any
        /// interaction reaches `statistic` (`GumbelTail` of the permuted maxima).
        public var familyWiseP: Double
        /// The class whose residual gave the largest |T| (nil for two classes and values).
        public var output: Int?
    }

    /// What the screen did and found.
    public struct Result: Sendable, Equatable {
        public var pairs: [Pair]
        /// The best pair that did not pass (after the accepted ones), nil when none was scored.
        public var largestRejected: Pair?
        /// Candidate features scored in pairs, and the samples they were scored on.
        public var candidates: Int
        public var samples: Int
        /// What a pair's |T| must exceed: the `level` quantile of the permuted maxima's
        /// `GumbelTail`, and at least the largest of them.
        public var threshold: Double
        /// The largest |T| of each permuted table, in permutation order.
        public var nullMaxima: [Double] = []
        /// Permuted tables the threshold came from (0 when nothing was scored).
        public var permutations: Int { nullMaxima.count }
        /// Leading pairs above the threshold that fell below it with their members' own
        /// linear and squared terms in the refit (curved main effects, not interactions).
        public var unconfirmed = 0
        public var pairsTested: Int { candidates * (candidates - 1) / 2 }
    }

    /// Permuted tables that the null's `GumbelTail` is fitted to.
    public static let permutations = 19
    /// Family-wise level of a run's screen: the chance of accepting any pair when none
    /// interacts and the samples are exchangeable. Far below the usual 5 %: real cohorts are not
    /// exchangeable (relatedness, population structure, curved effects the refit leaves), and
    /// at 5 % the screen listed pairs on most real runs (docs/interactions.md).
    public static let level = 0.001
    /// Floating-point operations one screen may spend on its tables (2-6 s on one core; at 10¹¹ a 3-class set of 640 x 1,000 lost an XOR member to the cut).
    public static let operationBudget = 2.0e11
    /// At most this many candidates (two c x c Float tables per thread).
    public static let maximumCandidates = 3000
    /// Samples the tables are computed on; a larger training split is subsampled.
    public static let maximumSamples = 5000
    /// Stream id of the permutations and the subsample.
    static let stream: UInt64 = 0x1A7E

    /// Pairs a list of k rows may gain: one per four rows.
    public static func maximumPairs(k: Int) -> Int { k / 4 }

    /// Candidates the budget allows for `samples` samples and `outputs` residual columns.
    public static func candidateLimit(samples: Int, outputs: Int) -> Int {
        let perCandidateSquared = Double(permutations + 1) * 3 * Double(max(samples, 1)) * Double(max(outputs, 1))
        return min(maximumCandidates, Int((operationBudget / perCandidateSquared).squareRoot()))
    }

    /// Screens `candidates` (input features, best first; cut to `candidateLimit`) for pairs on
    /// the residual of a refit of `model` (features) plus the covariates of `train`.
    /// `target` is the training split's. Deterministic for a seed, whatever `threads`.
    /// `slots` maps a feature to its consensus slot: two members of one slot are never paired.
    public static func run(train: StandardizedData, target: Target, model: [Int], candidates: [Int], slots: [Int: Int] = [:],
                           maximumPairs: Int, seed: UInt64, threads: Int = 1) -> Result {
        var rng = SeededGenerator(seed: seed, stream: [stream])
        var rows = Array(0 ..< train.sampleCount)
        if rows.count > maximumSamples {
            rng.shuffle(&rows)
            rows = Array(rows.prefix(maximumSamples)).sorted()
        }
        let n = rows.count
        let outputs = target.outputCount == 2 ? 1 : target.outputCount
        var seen = Set<Int>()
        let chosen = Array(candidates.filter { seen.insert($0).inserted }.prefix(candidateLimit(samples: n, outputs: outputs)))
        let sub = target.subset(rows)
        let data = StandardizedData(matrix: train.matrix, rows: rows.map { train.rows[$0] }, statisticsOf: train)
        let c = chosen.count
        guard c >= 2, maximumPairs > 0 else {
            return Result(pairs: [], largestRejected: nil, candidates: c, samples: n, threshold: .nan)
        }
        gsel_blas_set_threads(1)
        let z = restandardized(data, chosen)
        let table = PairStatistics(z: z, samples: n, candidates: c,
                                   minimumCorrelation: SubstituteGraph.defaultMinimumCorrelation, slots: chosen.map { slots[$0] })
        let base = DesignMatrix(data, features: model + Array(train.covariateColumns))
        // The candidates' leading principal components join the refit: shared background
        // (relatedness, population structure, broad expression programmes) then stays out of
        // the residual instead of passing as products of unrelated features.
        let background = principalComponents(z, samples: n, candidates: c, count: min(backgroundComponents, n / 10), seed: seed)
        var products: [[Double]] = background
        var residual = base.refitResiduals(adding: products, target: sub)
        let orders = (0 ..< permutations).map { _ -> [Int] in
            var o = Array(0 ..< n)
            rng.shuffle(&o)
            return o
        }
        let nullMaxima = concurrentMap(count: permutations, threads: threads) { [residual] p in
            table.best(residuals: residual.map { r in orders[p].map { r[$0] } })?.statistic ?? 0
        }
        let tail = GumbelTail(maxima: nullMaxima)
        let threshold = max(tail.quantile(level: level), nullMaxima.max() ?? .infinity)
        func pair(_ b: PairStatistics.Best) -> Pair {
            Pair(first: min(chosen[b.first], chosen[b.second]), second: max(chosen[b.first], chosen[b.second]), statistic: b.statistic,
                 familyWiseP: tail.exceedance(b.statistic),
                 output: outputs > 1 ? b.output : nil)
        }
        var pairs: [Pair] = [], skip = Set<[Int]>(), rejected: Pair?, unconfirmed = 0
        search: while pairs.count < maximumPairs {
            let leaders = table.top(residuals: residual, count: confirmationCount, skip: skip)
            guard let first = leaders.first else { break }
            // The leaders above the threshold, in order, until one holds with its members'
            // own terms (linear and square) in the refit: a product that only stands in for a
            // curved main effect of a member loses its |T| there.
            for leader in leaders where leader.statistic > threshold {
                let x = column(z, leader.first, of: c), y = column(z, leader.second, of: c)
                let memberTerms = [x, standardized(x.map { $0 * $0 }), y, standardized(y.map { $0 * $0 })]
                let confirmed = statistic(x, y, base.refitResiduals(adding: products + memberTerms, target: sub))
                guard confirmed > threshold else {
                    skip.insert([leader.first, leader.second])
                    unconfirmed += 1
                    continue
                }
                pairs.append(pair(leader))
                skip.insert([leader.first, leader.second])
                products.append(standardized(zip(x, y).map { $0 * $1 }))
                residual = base.refitResiduals(adding: products, target: sub)
                continue search
            }
            rejected = pair(first)
            break
        }
        if rejected == nil, pairs.count == maximumPairs, let next = table.best(residuals: residual, skip: skip) {
            rejected = pair(next)
        }
        return Result(pairs: pairs, largestRejected: rejected, candidates: c, samples: n, threshold: threshold,
                      nullMaxima: nullMaxima, unconfirmed: unconfirmed)
    }

    /// The columns `features` of `data`, centred and scaled to variance 1 over its rows
    /// (a constant column stays 0), `rows x features` row-major.
    static func restandardized(_ data: StandardizedData, _ features: [Int]) -> [Float] {
        let n = data.sampleCount, c = features.count
        var z = [Float](repeating: 0, count: n * c)
        for (k, j) in features.enumerated() {
            for (i, v) in standardized(data.column(j).map(Double.init)).enumerated() { z[i * c + k] = Float(v) }
        }
        return z
    }

    /// Principal components of the candidates in every refit of the screen (at most n/10).
    public static let backgroundComponents = 10

    /// The `count` leading left singular vectors of `z` (`samples x candidates`, row-major),
    /// each of unit length, by subspace iteration (8 rounds of Z·Zᵀ from a seeded Gaussian
    /// start, Gram–Schmidt in Double between rounds); deterministic for a seed.
    static func principalComponents(_ z: [Float], samples n: Int, candidates c: Int, count m: Int, seed: UInt64) -> [[Double]] {
        guard m > 0, n > m, c > m else { return [] }
        var rng = SeededGenerator(seed: seed, stream: [stream, 0xB6])
        var q = (0 ..< n * m).map { _ in Float(rng.nextGaussian()) }  // n x m, row-major
        var b = [Float](repeating: 0, count: c * m)
        var columns: [[Double]] = []
        for _ in 0 ..< 8 {
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(c), Int32(m), Int32(n), 1, z, Int32(c), q, Int32(m), 0, &b, Int32(m))
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(m), Int32(c), 1, z, Int32(c), b, Int32(m), 0, &q, Int32(m))
            columns = []
            for k in 0 ..< m {
                var v = (0 ..< n).map { Double(q[$0 * m + k]) }
                for u in columns {
                    let dot = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
                    for i in 0 ..< n { v[i] -= dot * u[i] }
                }
                let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 0 else { return columns.map { standardized($0) } }
                v = v.map { $0 / norm }
                columns.append(v)
                for i in 0 ..< n { q[i * m + k] = Float(v[i]) }
            }
        }
        return columns.map { standardized($0) }
    }

    /// Leading pairs of a table checked with their members' own terms in the refit.
    static let confirmationCount = 10

    /// Candidate `k`'s standardized column of `z` (`rows x c`, row-major).
    static func column(_ z: [Float], _ k: Int, of c: Int) -> [Double] {
        stride(from: k, to: z.count, by: c).map { Double(z[$0]) }
    }

    /// |T| of the standardized columns `x`, `y` on `residuals` (its largest over the columns).
    static func statistic(_ x: [Double], _ y: [Double], _ residuals: [[Float]]) -> Double {
        residuals.map { r in
            var num = 0.0, den = 0.0
            for i in r.indices {
                let v = Double(r[i]) * x[i] * y[i]
                num += v; den += v * v
            }
            return den > 0 ? abs(num) / den.squareRoot() : 0
        }.max() ?? 0
    }

    /// `v` centred and scaled to variance 1 (all 0 when constant).
    static func standardized(_ v: [Double]) -> [Double] {
        let mean = v.reduce(0, +) / Double(v.count)
        let sd = (v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count)).squareRoot()
        return v.map { sd > 1e-12 ? ($0 - mean) / sd : 0 }
    }
}
