import Foundation
import GSelCore
import GSelIO

/// Planted suppressor pairs (issue 19): features that matter only together with a partner.
/// Standard Gaussian features; `drivers` ordinary drivers; `pairs` complementary pairs (A, B)
/// with corr(A, B) = `rho` where the outcome depends on (B − rho·A)/sd, so A alone has no
/// marginal association but carries the signal given B; `blocks` blocks of 5 noise features
/// correlated at about 0.8, so that noise is not all independent. Binary outcome
/// y = [Σ drivers + pairWeight · Σ (B − rho·A)/sd + logistic noise > 0]. The structure of
/// Benchmarks/make_planted_suppressors.py (not the same numbers).
public struct PlantedSuppressors: Sendable {
    public var matrix: DenseMatrix
    public var labels: [Int32]
    public var drivers: [Int]
    /// (A, B): A is the suppressor, B its partner.
    public var pairs: [(a: Int, b: Int)]

    /// Every planted feature.
    public var planted: [Int] { drivers + pairs.flatMap { [$0.a, $0.b] } }

    public init(samples n: Int = 800, features p: Int = 1500, drivers driverCount: Int = 4, pairs pairCount: Int = 2,
                rho: Double = 0.85, pairWeight: Double = 2.5, blocks: Int = 40, seed: UInt64 = 1) {
        var rng = SeededGenerator(seed: seed)
        var cols = (0 ..< p).map { _ in (0 ..< n).map { _ in rng.nextGaussian() } }
        var positions = Array(0 ..< p)
        rng.shuffle(&positions)
        let d = Array(positions[0 ..< driverCount])
        let a = Array(positions[driverCount ..< driverCount + pairCount])
        let b = Array(positions[driverCount + pairCount ..< driverCount + 2 * pairCount])
        var next = driverCount + 2 * pairCount
        for _ in 0 ..< blocks {
            let shared = (0 ..< n).map { _ in rng.nextGaussian() }
            for j in positions[next ..< next + 5] {
                cols[j] = (0 ..< n).map { i in 0.8.squareRoot() * shared[i] + 0.2.squareRoot() * rng.nextGaussian() }
            }
            next += 5
        }
        let sd = (1 - rho * rho).squareRoot()
        for (ai, bi) in zip(a, b) { cols[ai] = (0 ..< n).map { i in rho * cols[bi][i] + sd * rng.nextGaussian() } }
        var y = [Int32](repeating: 0, count: n)
        for i in 0 ..< n {
            var s = d.reduce(0.0) { $0 + cols[$1][i] }
            for (ai, bi) in zip(a, b) { s += pairWeight * (cols[bi][i] - rho * cols[ai][i]) / sd }
            let u = min(max(rng.nextUniform(), 1e-12), 1 - 1e-12)
            y[i] = s + log(u / (1 - u)) > 0 ? 1 : 0
        }
        var values = [Float](repeating: 0, count: n * p)
        for j in 0 ..< p { for i in 0 ..< n { values[i * p + j] = Float(cols[j][i]) } }
        matrix = DenseMatrix(rows: n, columns: p, values: values)
        labels = y
        drivers = d
        pairs = zip(a, b).map { (a: $0, b: $1) }
    }

    /// The dataset as a TSV (samples as rows, features `f<j>`) and a label TSV.
    public func tsv() -> (matrix: String, labels: String) { PlantedTSV.render(matrix, labels: labels) }
}
