import XCTest
import GSelCore
import GSelIO
import _TestSupport

final class SequentialAttentionTests: XCTestCase {
    /// Planted linear features, a pair informative only together, and near-duplicates:
    /// SA finds all planted signals and never takes both members of a duplicate pair.
    func testRecoversPlantedSetWithoutDuplicates() throws {
        for seed: UInt64 in 1 ... 3 {
            let planted = PlantedSignal(samples: 600, features: 200, pair: .synergy(weight: 1.5), seed: seed)
            let data = StandardizedData(matrix: planted.matrix, rows: Array(0 ..< planted.samples))
            let target = Target.classes(codes: planted.labels, names: ["control", "case"])
            let r = try SequentialAttention().select(data, target: target, k: 6, seed: seed, stream: [])
            XCTAssertEqual(r.picks.count, 6)
            XCTAssertEqual(Set(r.features).count, 6)
            let picked = Set(r.features)
            let copyOf = Dictionary(uniqueKeysWithValues: planted.duplicates)
            for j in planted.xorPair { XCTAssertTrue(picked.contains(j), "seed \(seed): pair member \(j) missed, picked \(r.features)") }
            for j in planted.linear {
                XCTAssertTrue(picked.contains(j) || picked.contains(copyOf[j] ?? -1), "seed \(seed): linear \(j) missed")
            }
            for (a, b) in planted.duplicates { XCTAssertFalse(picked.contains(a) && picked.contains(b), "both copies picked") }
            XCTAssertEqual(r.snapshots.count, 6)
            XCTAssertEqual(r.snapshots[0].candidates.first?.feature, r.features[0], "snapshot leads with the pick")
        }
    }

    func testSameSeedSameResultAndStreamsDiffer() throws {
        let planted = PlantedSignal(samples: 200, features: 50, seed: 3)
        let data = StandardizedData(matrix: planted.matrix, rows: Array(0 ..< planted.samples))
        let target = Target.classes(codes: planted.labels, names: ["a", "b"])
        let a = try SequentialAttention().select(data, target: target, k: 5, seed: 9, stream: [1])
        let b = try SequentialAttention().select(data, target: target, k: 5, seed: 9, stream: [1])
        XCTAssertEqual(a, b)
        // Another stream (or seed) draws other initial weights and minibatches: the attention
        // weights of the picks differ even where the picks agree.
        let c = try SequentialAttention().select(data, target: target, k: 5, seed: 9, stream: [2])
        let d = try SequentialAttention().select(data, target: target, k: 5, seed: 10, stream: [1])
        XCTAssertNotEqual(a.picks.map(\.score), c.picks.map(\.score))
        XCTAssertNotEqual(a.picks.map(\.score), d.picks.map(\.score))
    }

    func testRegressionPicksTheDrivers() throws {
        var rng = SeededGenerator(seed: 5)
        let n = 300, p = 40
        var v = [Float](repeating: 0, count: n * p)
        for i in 0 ..< v.count { v[i] = Float(rng.nextGaussian()) }
        let y = (0 ..< n).map { i in 2 * v[i * p + 7] - 1.5 * v[i * p + 21] + Float(0.1 * rng.nextGaussian()) }
        let data = StandardizedData(matrix: DenseMatrix(rows: n, columns: p, values: v), rows: Array(0 ..< n))
        var cfg = SequentialAttentionConfig()
        cfg.hidden = []
        let r = try SequentialAttention(config: cfg).select(data, target: .values(y), k: 2, seed: 1, stream: [])
        XCTAssertEqual(Set(r.features), [7, 21])
        XCTAssertEqual(r.features.first, 7, "the stronger driver first")
    }

    func testRejectsKOutOfRange() {
        let data = StandardizedData(matrix: DenseMatrix(rows: 3, columns: 2, values: [1, 2, 3, 4, 5, 7]), rows: [0, 1, 2])
        XCTAssertThrowsError(try SequentialAttention().select(data, target: .values([1, 2, 3]), k: 3, seed: 1, stream: []))
        XCTAssertThrowsError(try SequentialAttention().select(data, target: .values([1, 2, 3]), k: 0, seed: 1, stream: []))
    }
}
