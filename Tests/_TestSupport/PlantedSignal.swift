import GSelCore
import GSelIO

/// A synthetic dataset with a known answer, generated from a seed: a pair of
/// features informative only together (an XOR pair, or a correlated "synergy" pair
/// whose difference carries the signal), linear features, and near-duplicate
/// copies of two linear features, among Gaussian noise features.
public struct PlantedSignal: Sendable {
    public var samples: Int
    public var features: Int
    public var matrix: DenseMatrix
    public var labels: [Int32]
    /// Indices of the pair informative only together.
    public var xorPair: [Int]
    /// Indices of the linear features.
    public var linear: [Int]
    /// (original, copy) pairs of near-duplicates; the originals are in `linear`.
    public var duplicates: [(Int, Int)]

    /// All informative features (XOR pair + linear).
    public var informative: [Int] { xorPair + linear }

    /// How the pair informative only together enters the outcome.
    public enum Pair: Sendable {
        /// `weight · sign(x_a · x_b)`: each member alone carries nothing.
        case xor(weight: Double)
        /// `x_b = 0.95·x_a + 0.31·v`, outcome gets `weight · v`: x_a alone carries nothing,
        /// x_b alone little, the two together recover v exactly.
        case synergy(weight: Double)
    }

    /// Binary classification: y = 1 when `pair term + Σ β·x_lin + noise > 0`, β = 1, 0.9, 0.8, ...
    /// Planted features sit at scattered positions so that ties by position help nobody.
    public init(samples n: Int = 600, features p: Int = 200, linearCount: Int = 4, pair: Pair = .xor(weight: 2),
                noise: Double = 0.3, duplicateNoise: Double = 0.1, seed: UInt64 = 7) {
        var rng = SeededGenerator(seed: seed)
        var cols = [[Float]](repeating: [], count: p)
        for j in 0 ..< p { cols[j] = (0 ..< n).map { _ in Float(rng.nextGaussian()) } }
        var positions = Array(0 ..< p)
        rng.shuffle(&positions)
        let xor = Array(positions[0 ..< 2])
        let lin = Array(positions[2 ..< 2 + linearCount])
        let dupTargets = Array(positions[2 + linearCount ..< 4 + linearCount])
        let dups = [(lin[0], dupTargets[0]), (lin[1], dupTargets[1])]
        for (orig, copy) in dups {
            cols[copy] = cols[orig].map { $0 + Float(duplicateNoise * rng.nextGaussian()) }
        }
        var hidden = [Double](repeating: 0, count: n)
        if case .synergy = pair {
            let c = 0.95, r = (1 - c * c).squareRoot()
            for i in 0 ..< n {
                hidden[i] = rng.nextGaussian()
                cols[xor[1]][i] = Float(c * Double(cols[xor[0]][i]) + r * hidden[i])
            }
        }
        let betas = (0 ..< linearCount).map { 1.0 - 0.1 * Double($0) }
        var y = [Int32](repeating: 0, count: n)
        for i in 0 ..< n {
            var s: Double
            switch pair {
            case .xor(let w): s = w * ((cols[xor[0]][i] > 0) == (cols[xor[1]][i] > 0) ? 1 : -1)
            case .synergy(let w): s = w * hidden[i]
            }
            for (t, j) in lin.enumerated() { s += betas[t] * Double(cols[j][i]) }
            s += noise * rng.nextGaussian()
            y[i] = s > 0 ? 1 : 0
        }
        var values = [Float](repeating: 0, count: n * p)
        for j in 0 ..< p { for i in 0 ..< n { values[i * p + j] = cols[j][i] } }
        self.samples = n
        self.features = p
        self.matrix = DenseMatrix(rows: n, columns: p, values: values)
        self.labels = y
        self.xorPair = xor
        self.linear = lin
        self.duplicates = dups
    }

    /// The dataset as a TSV (samples as rows) and a label TSV.
    public func tsv() -> (matrix: String, labels: String) {
        PlantedTSV.render(matrix, labels: labels)
    }
}

/// Text of a planted dataset: samples `s<i>` as rows, features `f<j>`, binary labels case/control.
public enum PlantedTSV {
    public static func render(_ matrix: DenseMatrix, labels: [Int32]) -> (matrix: String, labels: String) {
        var m = "sample_id\t" + (0 ..< matrix.columnCount).map { "f\($0)" }.joined(separator: "\t") + "\n"
        var l = "sample_id\tlabel\n"
        for i in 0 ..< matrix.rowCount {
            m += "s\(i)"
            for j in 0 ..< matrix.columnCount { m += "\t\(matrix[i, j])" }
            m += "\n"
            l += "s\(i)\t\(labels[i] == 1 ? "case" : "control")\n"
        }
        return (m, l)
    }
}
