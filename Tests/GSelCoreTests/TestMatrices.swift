import Foundation
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

    /// Classification data shaped like Fashion-MNIST pixels: `classes` classes (codes
    /// cycling 0, 1, 2, ...), each sample a copy of its class's prototype — a few smooth
    /// bumps along the `p` "pixels" — at a random intensity, plus noise correlated between
    /// neighbouring pixels, clipped to [0, 1] and quantised to sixteenths. Correlated
    /// features with many ties and many zeros, and overlapping classes.
    static func imageLike(rows n: Int, columns p: Int, classes: Int, seed: UInt64) -> (matrix: DenseMatrix, codes: [Int32]) {
        var g = SeededGenerator(seed: seed, stream: [3])
        let prototypes: [[Double]] = (0 ..< classes).map { _ in
            let bumps = (0 ..< 3).map { _ in (centre: g.nextUniform() * Double(p), width: 2 + g.nextUniform() * Double(p) / 6,
                                            height: 0.3 + 0.7 * g.nextUniform()) }
            return (0 ..< p).map { j in
                bumps.reduce(0.0) { s, b in
                    let z = (Double(j) - b.centre) / b.width
                    return s + b.height * Foundation.exp(-z * z)
                }
            }
        }
        var values = [Float](repeating: 0, count: n * p)
        let codes = (0 ..< n).map { Int32($0 % classes) }
        for i in 0 ..< n {
            let intensity = 0.1 + 0.9 * g.nextUniform()
            var noise = 0.0
            for j in 0 ..< p {
                noise = 0.97 * noise + (1 - 0.97 * 0.97).squareRoot() * 0.1 * g.nextGaussian()
                let v = min(1, max(0, intensity * prototypes[Int(codes[i])][j] - 0.1 + noise))
                values[i * p + j] = Float((v * 16).rounded() / 16)
            }
        }
        return (DenseMatrix(rows: n, columns: p, values: values), codes)
    }
}
