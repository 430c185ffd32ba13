import XCTest
import GSelCore
import GSelIO

/// With a linear model and squared loss, Sequential Attention is equivalent to OMP
/// (Yasuda et al. 2023, Theorem 1): on a well-conditioned problem the two pick
/// (nearly) the same features.
final class LinearEquivalenceTests: XCTestCase {
    func testLinearSequentialAttentionAgreesWithOMP() throws {
        var totalCommon = 0, total = 0
        for seed: UInt64 in 1 ... 3 {
            var rng = SeededGenerator(seed: seed)
            let n = 500, p = 80, k = 10
            var x = [Float](repeating: 0, count: n * p)
            for i in x.indices { x[i] = Float(rng.nextGaussian()) }
            var support = Array(0 ..< p)
            rng.shuffle(&support)
            let betas = (0 ..< k).map { 1.0 - 0.06 * Double($0) }
            let y = (0 ..< n).map { i -> Float in
                var s = 0.3 * rng.nextGaussian()
                for (t, j) in support.prefix(k).enumerated() { s += betas[t] * Double(x[i * p + j]) }
                return Float(s)
            }
            let data = StandardizedData(matrix: DenseMatrix(rows: n, columns: p, values: x), rows: Array(0 ..< n))
            var cfg = SequentialAttentionConfig()
            cfg.hidden = []
            let sa = try SequentialAttention(config: cfg).select(data, target: .values(y), k: k, seed: seed, stream: [])
            let omp = try OrthogonalMatchingPursuit().select(data, target: .values(y), k: k, seed: seed, stream: [])
            let common = Set(sa.features).intersection(omp.features).count
            totalCommon += common
            total += k
            XCTAssertEqual(Set(omp.features), Set(support.prefix(k)), "OMP recovers the support (seed \(seed))")
        }
        XCTAssertGreaterThanOrEqual(Double(totalCommon) / Double(total), 0.9, "SA(linear) and OMP share \(totalCommon)/\(total) picks")
    }
}
