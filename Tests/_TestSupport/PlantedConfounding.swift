import GSelCore
import GSelIO

/// A synthetic case/control dataset confounded by batch, with a known answer: the outcome
/// depends on a categorical batch, on age and on 3 true features; 4 "batch genes" follow
/// the batch only (no effect of their own); the other features are noise. Without the
/// covariates the batch genes look like the strongest predictors; given batch and age they
/// carry nothing, and the true features should be selected.
public struct PlantedConfounding: Sendable {
    public var matrix: DenseMatrix
    public var labels: [Int32]
    /// Batch name and age of each sample.
    public var batch: [String]
    public var age: [Double]
    public var trueFeatures: [Int]
    public var batchGenes: [Int]

    public static let batchNames = ["b1", "b2", "b3"]

    /// y = case when `batchWeight·e(batch) + ageWeight·(age − 50)/15 + Σ x_true + noise·ε > 0`,
    /// with batch effects e = −1, 0, +1; batch gene = `geneShift·e(batch) + 0.5·ε`.
    public init(samples n: Int = 600, features p: Int = 300, batchWeight: Double = 1.5, ageWeight: Double = 0.6,
                geneShift: Double = 1.2, noise: Double = 0.5, seed: UInt64 = 14) {
        var rng = SeededGenerator(seed: seed)
        var values = (0 ..< n * p).map { _ in Float(rng.nextGaussian()) }
        var positions = Array(0 ..< p)
        rng.shuffle(&positions)
        trueFeatures = Array(positions[0 ..< 3])
        batchGenes = Array(positions[3 ..< 7])
        let effect: [Double] = [-1, 0, 1]
        var batch: [String] = [], age: [Double] = [], y: [Int32] = []
        for i in 0 ..< n {
            let b = Int(rng.next() % 3)
            let a = (20 + 60 * rng.nextUniform()).rounded()
            for j in batchGenes { values[i * p + j] = Float(geneShift * effect[b] + 0.5 * rng.nextGaussian()) }
            var s = batchWeight * effect[b] + ageWeight * (a - 50) / 15 + noise * rng.nextGaussian()
            for j in trueFeatures { s += Double(values[i * p + j]) }
            batch.append(Self.batchNames[b])
            age.append(a)
            y.append(s > 0 ? 1 : 0)
        }
        matrix = DenseMatrix(rows: n, columns: p, values: values)
        labels = y
        self.batch = batch
        self.age = age
    }

    /// The matrix and labels (as `PlantedTSV`) and the covariate file `sample_id batch age`.
    public func tsv() -> (matrix: String, labels: String, covariates: String) {
        let (m, l) = PlantedTSV.render(matrix, labels: labels)
        var c = "sample_id\tbatch\tage\n"
        for i in batch.indices { c += "s\(i)\t\(batch[i])\t\(Int(age[i]))\n" }
        return (m, l, c)
    }
}
