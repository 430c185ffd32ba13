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

    /// A CSR store's statistics (summed over its stored values only) are bit for bit those of
    /// the same values in a dense store, stored NaN and constant columns included.
    func testSparseStatisticsEqualTheDenseStatistics() {
        let nan = Float.nan
        let values: [Float] = [0, 1.5, 0, 0, 7,
                               2, 0, 0, nan, 7,
                               0, -3, 0, 4, 7,
                               0.25, 0, 0, 0, 7]
        let dense = DenseMatrix(rows: 4, columns: 5, values: values)
        var indptr = [0], indices: [Int32] = [], data: [Float] = []
        for r in 0 ..< 4 {
            for j in 0 ..< 5 where values[r * 5 + j] != 0 { indices.append(Int32(j)); data.append(values[r * 5 + j]) }
            indptr.append(indices.count)
        }
        let sparse = SparseMatrix(rows: 4, columns: 5, indptr: indptr, indices: indices, data: data)
        for rows in [[0, 1, 2, 3], [3, 1, 2]] {
            let d = StandardizedData(matrix: dense, rows: rows), s = StandardizedData(matrix: sparse, rows: rows)
            XCTAssertEqual(d.means.map(\.bitPattern), s.means.map(\.bitPattern), "rows \(rows)")
            XCTAssertEqual(d.inverseScales.map(\.bitPattern), s.inverseScales.map(\.bitPattern), "rows \(rows)")
        }
        XCTAssertEqual(StandardizedData(matrix: sparse, rows: [0, 1, 2, 3]).means[3], 4.0 / 3, accuracy: 1e-6,
                       "the stored NaN is left out of the mean")
    }

    func testValidationSplitUsesTrainingStatistics() {
        let m = DenseMatrix(rows: 4, columns: 1, values: [0, 2, 100, 102])
        let train = StandardizedData(matrix: m, rows: [0, 1])
        let valid = StandardizedData(matrix: m, rows: [2, 3], statisticsOf: train)
        XCTAssertEqual(valid.column(0), [99, 101])
    }

    /// Dosage codes read sample by sample are decoded and centred in one pass: the same bits
    /// as the Float32 values of the same calls (missing calls 0), with and without covariates.
    func testDosageRowsStandardizeAsTheirFloatValues() {
        var g = SeededGenerator(seed: 21)
        let n = 9, p = 70
        let codes = (0 ..< n * p).map { _ in g.next() % 7 == 0 ? DosageMatrix.missing : UInt8(g.next() % 3) }
        let dosages = DosageMatrix(samples: n, features: p, codes: codes)
        let floats = DenseMatrix(rows: n, columns: p, featureMajor: codes.map { $0 == DosageMatrix.missing ? .nan : Float($0) })
        let rows = [8, 1, 4, 0, 6, 3]
        let covariates = (0 ..< n * 2).map { _ in Float(g.nextGaussian()) }
        for (copy, reference) in [(dosages.sampleMajorCopy(rows: Array(0 ..< n))!, floats as any FeatureMatrix),
                                  (CovariateMatrix(base: dosages.sampleMajorCopy(rows: Array(0 ..< n))!, covariates: covariates, covariateCount: 2),
                                   CovariateMatrix(base: floats, covariates: covariates, covariateCount: 2))] {
            let a = StandardizedData(matrix: copy, rows: rows), b = StandardizedData(matrix: reference, rows: rows)
            XCTAssertEqual(a.means.map(\.bitPattern), b.means.map(\.bitPattern))
            XCTAssertEqual(a.denseRows().map(\.bitPattern), b.denseRows().map(\.bitPattern), "\(type(of: copy))")
        }
    }

    /// Fits that share one copy of the training rows (`TrainingRows`) read the values and
    /// statistics a copy of their own rows gives, for rows in any order.
    func testSharedTrainingRowsReadAsTheStore() {
        var g = SeededGenerator(seed: 22)
        let n = 12, p = 30
        let store = DosageMatrix(samples: n, features: p, codes: (0 ..< n * p).map { _ in UInt8(g.next() % 3) })
        let shared = TrainingRows(store, rows: [1, 2, 3, 5, 7, 8, 10, 11])
        for rows in [[1, 2, 3, 5, 7, 8, 10, 11], [10, 3, 7, 1], [2, 11, 5]] {
            let fit = shared.standardized(rows), own = StandardizedData(trainingRows: rows, of: store)
            XCTAssertTrue(fit.matrix is SampleMajorDosages)
            XCTAssertEqual(fit.matrix.rowCount, 8, "one copy for all fits")
            XCTAssertEqual(fit.means.map(\.bitPattern), own.means.map(\.bitPattern), "rows \(rows)")
            XCTAssertEqual(fit.denseRows().map(\.bitPattern), own.denseRows().map(\.bitPattern), "rows \(rows)")
            XCTAssertEqual(fit.columns([4, 0]).denseRows(), own.columns([4, 0]).denseRows(), "rows \(rows)")
        }
        let dense = DenseMatrix(rows: n, columns: p, values: (0 ..< n * p).map { Float($0 % 5) })
        XCTAssertTrue(TrainingRows(dense, rows: [3, 4]).standardized([4]).matrix is DenseMatrix, "a sample-major store is read as it is")
    }
}
