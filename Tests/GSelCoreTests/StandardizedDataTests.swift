import XCTest
import GSelCore
import GSelIO

final class StandardizedDataTests: XCTestCase {
    func testMissingValuesBecomeMeanAndStatisticsIgnoreThem() {
        let nan = Float.nan
        // 4 samples x 3 features; feature 2 is constant.
        let m = DenseMatrix(rows: 4, columns: 3, values: [1, 10, 5,
                                                           2, nan, 5,
                                                           3, 30, 5,
                                                           nan, 20, 5])
        let d = StandardizedData(matrix: m, rows: [0, 1, 2, 3])
        XCTAssertEqual(d.means[0], 2, accuracy: 1e-6)
        XCTAssertEqual(d.means[1], 20, accuracy: 1e-6)
        // population sd of {1,2,3} = sqrt(2/3)
        XCTAssertEqual(Double(d.inverseScales[0]), 1 / (2.0 / 3).squareRoot(), accuracy: 1e-5)
        XCTAssertEqual(d.inverseScales[2], 0, "constant feature")
        let col0 = d.column(0)
        XCTAssertEqual(col0[3], 0, "missing -> mean -> 0")
        XCTAssertEqual(Double(col0[0]), -1 / (2.0 / 3).squareRoot(), accuracy: 1e-5)
        let dense = d.denseRows()
        XCTAssertEqual(dense[1 * 3 + 1], 0)
        XCTAssertEqual(dense[2 * 3 + 2], 0)
        // Same values through a feature-major store.
        let g = DosageMatrix(samples: 4, features: 1, codes: [0, 2, DosageMatrix.missing, 1])
        let dg = StandardizedData(matrix: g, rows: [0, 1, 2, 3])
        XCTAssertEqual(dg.means[0], 1, accuracy: 1e-6)
        XCTAssertEqual(dg.column(0)[2], 0)
    }

    func testValidationSplitUsesTrainingStatistics() {
        let m = DenseMatrix(rows: 4, columns: 1, values: [0, 2, 100, 102])
        let train = StandardizedData(matrix: m, rows: [0, 1])
        let valid = StandardizedData(matrix: m, rows: [2, 3], statisticsOf: train)
        XCTAssertEqual(valid.column(0), [99, 101])
    }
}
