import GSelCore
import GSelIO

/// Random designs for tests, generated with the project's seeded generator.
enum TestMatrices {
    /// n x p Gaussian matrix (sample-major); with `correlation` > 0 neighbouring columns
    /// follow an AR(1) process, x_j = ρ x_{j−1} + sqrt(1 − ρ²) z_j.
    static func gaussian(rows n: Int, columns p: Int, correlation rho: Double = 0, seed: UInt64) -> DenseMatrix {
        var g = SeededGenerator(seed: seed, stream: [1])
        var v = [Float](repeating: 0, count: n * p)
        let s = (1 - rho * rho).squareRoot()
        for i in 0 ..< n {
            var previous = g.nextGaussian()
            v[i * p] = Float(previous)
            for j in 1 ..< p {
                previous = rho * previous + s * g.nextGaussian()
                v[i * p + j] = Float(previous)
            }
        }
        return DenseMatrix(rows: n, columns: p, values: v)
    }

    /// y = X β + noise with `active` random features of weight ±(1 ... 2).
    static func linearTarget(_ x: DenseMatrix, active: Int, noise: Double, seed: UInt64) -> [Float] {
        var g = SeededGenerator(seed: seed, stream: [2])
        var features = Array(0 ..< x.columnCount)
        g.shuffle(&features)
        let weights = (0 ..< active).map { _ in (1 + g.nextUniform()) * (g.nextUniform() < 0.5 ? -1 : 1) }
        return (0 ..< x.rowCount).map { i in
            var s = noise * g.nextGaussian()
            for (w, j) in zip(weights, features.prefix(active)) { s += w * Double(x[i, j]) }
            return Float(s)
        }
    }

    /// Class codes from thresholds on a linear score of `active` features, so the
    /// classes depend on the features; `classes` groups of roughly equal size.
    static func classTarget(_ x: DenseMatrix, classes: Int, active: Int, seed: UInt64) -> [Int32] {
        let y = linearTarget(x, active: active, noise: 0.5, seed: seed)
        let sorted = y.sorted()
        let cuts = (1 ..< classes).map { sorted[$0 * y.count / classes] }
        return y.map { v in Int32(cuts.filter { v >= $0 }.count) }
    }

    static func classNames(_ count: Int) -> [String] { (0 ..< count).map { "class\($0)" } }
}
