import GSelCore
import GSelIO

/// A synthetic dataset for group selection with a known answer: `groupCount` groups of
/// `groupSize` Gaussian features each (members at scattered positions), of which
/// `informative` groups drive a binary outcome through the sum of all their members:
/// `y = 1` when `Σ_{j in informative groups} x_j + noise·ε > 0`. Each member alone is
/// weakly associated with y; a group together is strongly.
public struct PlantedGroups: Sendable {
    public var samples: Int
    public var matrix: DenseMatrix
    public var labels: [Int32]
    /// Group index of each feature.
    public var groupOf: [Int]
    /// The informative group indices, ascending.
    public var informative: [Int]

    public init(samples n: Int = 400, groupCount: Int = 60, groupSize: Int = 5, informative count: Int = 3,
                noise: Double = 3, seed: UInt64 = 1) {
        var rng = SeededGenerator(seed: seed)
        let p = groupCount * groupSize
        var values = [Float](repeating: 0, count: n * p)
        for i in 0 ..< n * p { values[i] = Float(rng.nextGaussian()) }
        var positions = Array(0 ..< p)
        rng.shuffle(&positions)
        var groupOf = [Int](repeating: 0, count: p)
        for (t, j) in positions.enumerated() { groupOf[j] = t / groupSize }
        var groups = Array(0 ..< groupCount)
        rng.shuffle(&groups)
        let chosen = Set(groups.prefix(count))
        var y = [Int32](repeating: 0, count: n)
        for i in 0 ..< n {
            var s = noise * rng.nextGaussian()
            for j in 0 ..< p where chosen.contains(groupOf[j]) { s += Double(values[i * p + j]) }
            y[i] = s > 0 ? 1 : 0
        }
        samples = n
        matrix = DenseMatrix(rows: n, columns: p, values: values)
        labels = y
        self.groupOf = groupOf
        informative = chosen.sorted()
    }

    public var features: Int { groupOf.count }

    /// Group ids as written by `tsv()`.
    public func groupID(_ g: Int) -> String { "G\(g)" }

    /// The groups as `FeatureGroups` (group ids `G<index>`).
    public var groups: FeatureGroups {
        FeatureGroups(names: (0 ..< (groupOf.max() ?? -1) + 1).map(groupID), groupOf: groupOf)
    }

    /// The matrix (samples as rows, features `f<index>`), the labels and the group file, as TSV.
    public func tsv() -> (matrix: String, labels: String, groups: String) {
        let (m, l) = PlantedTSV.render(matrix, labels: labels)
        var g = "feature_id\tgroup_id\n"
        for j in 0 ..< features { g += "f\(j)\t\(groupID(groupOf[j]))\n" }
        return (m, l, g)
    }
}
