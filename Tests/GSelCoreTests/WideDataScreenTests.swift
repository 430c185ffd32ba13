import XCTest
import GSelCore
import GSelIO
import _TestSupport

/// The wide-data screen keeps a pair that acts only together (a marginal screen drops one
/// member) and Sequential Attention on the screened features still finds the planted set.
final class WideDataScreenTests: XCTestCase {
    private func planted(_ seed: UInt64) -> (PlantedSignal, StandardizedData, Target) {
        let planted = PlantedSignal(samples: 600, features: 2000, pair: .synergy(weight: 1.5), seed: seed)
        let data = StandardizedData(matrix: planted.matrix, rows: Array(0 ..< planted.samples))
        return (planted, data, .classes(codes: planted.labels, names: ["control", "case"]))
    }

    /// 600 samples x 2000 features, screened to 100: the synergy partner x_a (alone it carries
    /// nothing; its marginal rank is in the hundreds) is kept, with its partner and every
    /// linear driver, and Sequential Attention on the kept features finds the pair.
    func testScreenKeepsTheJointPairThatAMarginalScreenDrops() throws {
        var config = SequentialAttentionConfig()
        config.screenSize = 100
        var pairsFound = 0
        for seed: UInt64 in 1 ... 4 {
            let (planted, data, target) = planted(seed)
            let marginal = try MarginalSelector.scores(data, target: target)
            let marginalTop = Set(MarginalSelector.ranking(marginal).prefix(100))
            XCTAssertFalse(marginalTop.contains(planted.xorPair[0]), "seed \(seed): x_a carries nothing alone")
            let kept = Set(try WideDataScreen(size: 100).keep(data, target: target, k: 6))
            XCTAssertEqual(kept.count, 100)
            for j in planted.informative { XCTAssertTrue(kept.contains(j), "seed \(seed): planted \(j) screened out") }
            let r = try SequentialAttention(config: config).select(data, target: target, k: 6, seed: seed, stream: [])
            XCTAssertEqual(r.screenedTo, 100)
            XCTAssertTrue(Set(r.features).isSubset(of: kept), "picks come from the kept features")
            if planted.xorPair.allSatisfy(r.features.contains) { pairsFound += 1 }
        }
        XCTAssertGreaterThanOrEqual(pairsFound, 3, "the pair is found after screening in 3 of 4 seeds or more")
    }

    func testKeepRule() {
        let screen = WideDataScreen(size: 4)
        // Marginal leaders 0 and 1 (half of 4), then the residual leaders of each step in order.
        let kept = screen.keep(marginal: [9, 8, 1, 1, 1, 1, 7], residualLeaders: [[0, 5], [3, 2], [4]])
        XCTAssertEqual(kept, [0, 1, 3, 5])
        // Room left after the residual leaders is filled by the marginal order.
        XCTAssertEqual(WideDataScreen(size: 4).keep(marginal: [9, 8, 1, 1, 1, 1, 7], residualLeaders: [[2]]), [0, 1, 2, 6])
        XCTAssertEqual(WideDataScreen(size: 10).keep(marginal: [1, 2], residualLeaders: []), [0, 1])
        XCTAssertNil(WideDataScreen.automaticSize(features: 10_000, k: 20))
        XCTAssertEqual(WideDataScreen.automaticSize(features: 10_001, k: 20), 5000)
        XCTAssertNil(WideDataScreen.automaticSize(features: 9_286, k: 50), "hs1940 in TestData is not screened")
        XCTAssertEqual(WideDataScreen.automaticSize(features: 125_000, k: 50), 5000)
        XCTAssertEqual(WideDataScreen.automaticSize(features: 125_000, k: 200), 10_000)
        var config = SequentialAttentionConfig()
        config.screenSize = 0
        XCTAssertNil(config.screen(features: 1_000_000, k: 5))
    }

    /// A column subset holds the same standardized values for every store kind.
    func testColumnSubsetsMatchTheFullData() {
        let rows = [4, 0, 2]
        let columns = [3, 1]
        let dense = DenseMatrix(rows: 5, columns: 4, values: (0 ..< 20).map { Float($0 % 7) + ($0 == 9 ? .nan : 0) })
        let dosage = DosageMatrix(samples: 5, features: 4, codes: (0 ..< 20).map { UInt8($0 % 3) } + [])
        let sparse = SparseMatrix(rows: 5, columns: 4, indptr: [0, 1, 3, 3, 4, 6], indices: [1, 0, 3, 2, 1, 3],
                                  data: [1, 2, 3, 4, 5, 6])
        for matrix in [dense, dosage, sparse] as [any FeatureMatrix] {
            let full = StandardizedData(matrix: matrix, rows: rows)
            let sub = full.columns(columns)
            XCTAssertEqual(sub.featureCount, 2)
            for (c, j) in columns.enumerated() { XCTAssertEqual(sub.column(c), full.column(j), "\(type(of: matrix))") }
            let copy = StandardizedData(trainingRows: rows, of: matrix)
            for j in 0 ..< 4 { XCTAssertEqual(copy.column(j), full.column(j), "\(type(of: matrix)) sample-major copy") }
        }
    }
}
