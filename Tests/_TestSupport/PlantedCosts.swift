import GSelCore
import GSelIO

/// Planted data for feature costs (issue 22): linear drivers with given weights at scattered
/// positions among Gaussian noise, optionally a near-copy of one driver; binary label from
/// `Σ β·x + 0.5·noise > 0`. What a budget should buy is then known: a cheap near-copy
/// instead of its dear original, a strong dear driver instead of several weak cheap ones.
public struct PlantedCosts: Sendable {
    public var matrix: DenseMatrix
    public var labels: [Int32]
    /// Positions of the drivers, in the order of `weights`.
    public var drivers: [Int]
    /// Position of the near-copy of `drivers[copyOf]`, when there is one.
    public var copy: Int?

    public var samples: Int { matrix.rowCount }
    public var features: Int { matrix.columnCount }

    public init(samples n: Int = 600, features p: Int = 100, weights: [Double], copyOf: Int? = nil,
                copyNoise: Double = 0.05, seed: UInt64 = 1) {
        var rng = SeededGenerator(seed: seed, stream: [0xC057])
        var cols = (0 ..< p).map { _ in (0 ..< n).map { _ in Float(rng.nextGaussian()) } }
        var positions = Array(0 ..< p)
        rng.shuffle(&positions)
        let drivers = Array(positions.prefix(weights.count))
        let copy = copyOf.map { _ in positions[weights.count] }
        if let c = copyOf, let copy {
            cols[copy] = cols[drivers[c]].map { $0 + Float(copyNoise * rng.nextGaussian()) }
        }
        var labels = [Int32](repeating: 0, count: n)
        for i in 0 ..< n {
            var s = 0.5 * rng.nextGaussian()
            for (w, j) in zip(weights, drivers) { s += w * Double(cols[j][i]) }
            labels[i] = s > 0 ? 1 : 0
        }
        var values = [Float](repeating: 0, count: n * p)
        for j in 0 ..< p { for i in 0 ..< n { values[i * p + j] = cols[j][i] } }
        self.drivers = drivers
        self.copy = copy
        self.labels = labels
        matrix = DenseMatrix(rows: n, columns: p, values: values)
    }

    /// The dataset as a TSV (samples as rows, features `f<j>`) and a label TSV.
    public func tsv() -> (matrix: String, labels: String) { PlantedTSV.render(matrix, labels: labels) }

    /// A cost table (`feature_id cost`) listing `costs` (feature → cost); the rest cost the default 1.
    public static func costTable(_ costs: [Int: Double]) -> String {
        "feature_id\tcost\n" + costs.keys.sorted().map { "f\($0)\t\(costs[$0]!)\n" }.joined()
    }
}
