import XCTest
import GSelCore
import GSelIO

/// The substitute graph on a split larger than `SubstituteGraph.maximumSamples` estimates
/// |r| on a subsample: close to the full-split correlation, the same pairs either side of the
/// threshold.
final class SubstituteGraphTests: XCTestCase {
    func testLargeSplitsEstimateTheCorrelationOnASubsample() {
        var rng = SeededGenerator(seed: 8)
        let n = 3 * SubstituteGraph.maximumSamples + 17, p = 5
        // 0 and 1: |r| ≈ 0.85 (1 negated); 0 and 2: r ≈ 0.6; 3: shifted copy of 0 with noise
        // and a trend along the rows; 4: noise.
        var values = [Float](repeating: 0, count: n * p)
        for i in 0 ..< n {
            let a = rng.nextGaussian()
            values[i * p + 0] = Float(a)
            values[i * p + 1] = Float(-(0.85 * a + 0.53 * rng.nextGaussian()))
            values[i * p + 2] = Float(0.6 * a + 0.8 * rng.nextGaussian())
            values[i * p + 3] = Float(5 + a + 0.15 * rng.nextGaussian() + 0.5 * Double(i) / Double(n))
            values[i * p + 4] = Float(rng.nextGaussian())
        }
        let data = StandardizedData(matrix: DenseMatrix(rows: n, columns: p, values: values), rows: Array(0 ..< n))
        func fullCorrelation(_ a: Int, _ b: Int) -> Double {
            let x = data.column(a).map(Double.init), y = data.column(b).map(Double.init)
            let mx = x.reduce(0, +) / Double(n), my = y.reduce(0, +) / Double(n)
            var sxy = 0.0, sxx = 0.0, syy = 0.0
            for i in 0 ..< n { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); syy += (y[i] - my) * (y[i] - my) }
            return abs(sxy / (sxx * syy).squareRoot())
        }
        let graph = SubstituteGraph(data: data, features: [0, 1, 2, 3, 4, 1], minimumCorrelation: 0.75)
        for (a, b) in [(0, 1), (0, 3), (1, 3)] {
            let r = graph.correlation(a, b)
            XCTAssertNotNil(r, "\(a)-\(b) are substitutes")
            XCTAssertEqual(r ?? 0, fullCorrelation(a, b), accuracy: 0.03, "\(a)-\(b)")
        }
        XCTAssertEqual(graph.pairCount, 3, "0-2 (r 0.6) and the noise feature are not substitutes")
        XCTAssertNil(graph.correlation(0, 2))
    }
}
