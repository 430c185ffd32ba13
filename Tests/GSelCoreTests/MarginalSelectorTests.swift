import GSelCore
import GSelIO
import XCTest
import _TestSupport

final class MarginalSelectorTests: XCTestCase {
    /// scikit-learn's statistic (`f_classif` F, or |`r_regression`|) on the raw matrix,
    /// with missing values (NaN) replaced by the column mean, and the order by
    /// decreasing statistic (lower index first on ties; NaN for constant columns sorts last).
    private func scikitLearnScores(raw: [Float], rows n: Int, columns p: Int, target: Target)
        throws -> (scores: [Double], order: [Int]) {
        let dir = try TemporaryDirectory()
        try PythonOracle.write(raw, to: dir.path("x.bin"))
        let isClassification = target.isClassification
        switch target {
        case .classes(let codes, _): try PythonOracle.write(codes.map(Float.init), to: dir.path("y.bin"))
        case .values(let v): try PythonOracle.write(v, to: dir.path("y.bin"))
        }
        let out = try PythonOracle.run("""
            import json, warnings, numpy as np
            from sklearn.feature_selection import f_classif, r_regression
            X = np.fromfile("x.bin", np.float32).reshape(\(n), \(p)).astype(np.float64)
            X = np.where(np.isnan(X), np.nanmean(X, axis=0), X)
            y = np.fromfile("y.bin", np.float32).astype(np.float64)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                s = f_classif(X, y.astype(int))[0] if \(isClassification ? "True" : "False") else np.abs(r_regression(X, y))
            key = np.where(np.isnan(s), -np.inf, s)
            order = np.lexsort((np.arange(len(s)), -key))
            print(json.dumps({"scores": [None if np.isnan(v) else float(v) for v in s],
                              "order": [int(j) for j in order]}))
            """, in: dir) as! [String: Any]
        return ((out["scores"] as! [Any]).doubles, (out["order"] as! [Any]).ints)
    }

    private func assertScores(_ ours: [Double], _ reference: [Double], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ours.count, reference.count, file: file, line: line)
        for (j, (a, b)) in zip(ours, reference).enumerated() {
            if b.isNaN {
                XCTAssertEqual(a, 0, "constant feature \(j) scores 0", file: file, line: line)
            } else {
                XCTAssertEqual(a, b, accuracy: 1e-4 * max(abs(b), 1e-6), "feature \(j)", file: file, line: line)
            }
        }
    }

    func testClassificationMatchesFClassif() throws {
        let n = 90, p = 200
        var x = TestMatrices.gaussian(rows: n, columns: p, correlation: 0.2, seed: 31)
        let codes = TestMatrices.classTarget(x, classes: 3, active: 15, seed: 31)
        for i in 0 ..< n { x.values[i * p + 17] = 2.25 }  // a constant feature
        let target = Target.classes(codes: codes, names: TestMatrices.classNames(3))
        let reference = try scikitLearnScores(raw: x.values, rows: n, columns: p, target: target)
        let data = StandardizedData(matrix: x, rows: Array(0 ..< n))
        let scores = try MarginalSelector.scores(data, target: target)
        assertScores(scores, reference.scores)
        XCTAssertEqual(scores[17], 0)
        let result = try MarginalSelector().select(data, target: target, k: 40)
        XCTAssertEqual(result.features, Array(reference.order.prefix(40)))
        XCTAssertEqual(result.picks.map(\.score), result.features.map { scores[$0] })
    }

    func testRegressionMatchesAbsoluteRRegression() throws {
        let n = 110, p = 150
        let x = TestMatrices.gaussian(rows: n, columns: p, correlation: 0.5, seed: 32)
        let y = TestMatrices.linearTarget(x, active: 10, noise: 1, seed: 32)
        let reference = try scikitLearnScores(raw: x.values, rows: n, columns: p, target: .values(y))
        let data = StandardizedData(matrix: x, rows: Array(0 ..< n))
        assertScores(try MarginalSelector.scores(data, target: .values(y)), reference.scores)
        XCTAssertEqual(try MarginalSelector().select(data, target: .values(y), k: 30).features,
                       Array(reference.order.prefix(30)))
    }

    /// Genotype dosages in a feature-major store with missing calls, on a subset of rows.
    func testFeatureMajorDosagesWithMissingValues() throws {
        let n = 200, p = 300
        var g = SeededGenerator(seed: 33)
        var codes = (0 ..< n * p).map { _ in UInt8(g.next() % 3) }
        for i in stride(from: 7, to: n * p, by: 37) { codes[i] = DosageMatrix.missing }
        let store = DosageMatrix(samples: n, features: p, codes: codes)
        let rows = Array(stride(from: 0, to: n, by: 2)) + [1, 3]
        let labels = (0 ..< n).map { i -> Int32 in
            let f = store.codes[11 * n + i], h = store.codes[250 * n + i]
            return Int32(((f == 2 ? 1 : 0) + (h == 0 ? 1 : 0) + Int(g.next() % 2)) % 2)
        }
        let target = Target.classes(codes: labels, names: ["case", "control"]).subset(rows)
        var raw = [Float](repeating: 0, count: rows.count * p)
        raw.withUnsafeMutableBufferPointer { buf in
            for (i, r) in rows.enumerated() { store.copyRow(r, into: buf.baseAddress! + i * p) }
        }
        let reference = try scikitLearnScores(raw: raw, rows: rows.count, columns: p, target: target)
        let scores = try MarginalSelector.scores(StandardizedData(matrix: store, rows: rows), target: target)
        assertScores(scores, reference.scores)
        XCTAssertEqual(MarginalSelector.ranking(scores).prefix(20), reference.order.prefix(20))
    }

    func testTiesGoToTheLowerInputPosition() throws {
        let n = 50, p = 6
        var x = TestMatrices.gaussian(rows: n, columns: p, seed: 34)
        for i in 0 ..< n { x.values[i * p + 1] = x.values[i * p + 4] }  // features 1 and 4 identical
        let y = (0 ..< n).map { x[$0, 4] + 0.1 * x[$0, 0] }
        let result = try MarginalSelector().select(StandardizedData(matrix: x, rows: Array(0 ..< n)), target: .values(y), k: 2)
        XCTAssertEqual(result.features, [1, 4])
        XCTAssertEqual(result.picks[0].score, result.picks[1].score)
    }

    func testGolubMatchesFClassif() throws {
        let dir = try TemporaryDirectory()
        let golub = try GolubData.load(in: dir)
        let (n, p) = (golub.matrix.rowCount, golub.matrix.columnCount)
        let reference = try scikitLearnScores(raw: golub.matrix.values, rows: n, columns: p, target: golub.target)
        let data = StandardizedData(matrix: golub.matrix, rows: Array(0 ..< n))
        let scores = try MarginalSelector.scores(data, target: golub.target)
        assertScores(scores, reference.scores)
        XCTAssertEqual(try MarginalSelector().select(data, target: golub.target, k: 50).features,
                       Array(reference.order.prefix(50)))
    }

    func testNeedsTwoClassesAndWithinClassDegreesOfFreedom() throws {
        let x = TestMatrices.gaussian(rows: 4, columns: 3, seed: 35)
        let data = StandardizedData(matrix: x, rows: Array(0 ..< 4))
        XCTAssertThrowsError(try MarginalSelector.scores(data, target: .classes(codes: [0, 0, 0, 0], names: ["a", "b"]))) {
            XCTAssertTrue(($0 as? InputError)?.message.contains("at least 2 classes") == true)
        }
        XCTAssertThrowsError(try MarginalSelector.scores(data, target: .classes(codes: [0, 1, 2, 3], names: ["a", "b", "c", "d"]))) {
            XCTAssertTrue(($0 as? InputError)?.message.contains("more samples") == true)
        }
    }
}

extension MarginalSelectorTests {
    /// A CSR store is scored from its stored values: the same F and |r| as the same values
    /// in a dense store (to rounding), a stored NaN counted as the mean, a constant column 0.
    func testSparseStoreScoresAsTheDenseStore() throws {
        var rng = SeededGenerator(seed: 17)
        let n = 240, p = 60
        var dense = [Float](repeating: 0, count: n * p)
        var indptr = [0], indices: [Int32] = [], data: [Float] = []
        for i in 0 ..< n {
            for j in 0 ..< p where j != 11 && ((j < 5 && i % 3 == 0) || rng.nextUniform() < 0.15 + 0.3 * Double(j % 3) / 2) {
                let x = Float(1 + 2 * rng.nextUniform()) + (j < 5 && i % 3 == 0 ? 2 : 0)
                dense[i * p + j] = x
                indices.append(Int32(j)); data.append(x)
            }
            indptr.append(indices.count)
        }
        data[7] = .nan
        let nanRow = indptr.firstIndex { $0 > 7 }! - 1
        dense[nanRow * p + Int(indices[7])] = .nan
        let sparse = SparseMatrix(rows: n, columns: p, indptr: indptr, indices: indices, data: data)
        let rows = Array(0 ..< n).filter { $0 % 5 != 1 }
        let targets: [(String, Target)] = [
            ("three classes", .classes(codes: rows.map { Int32($0 % 3) }, names: TestMatrices.classNames(3))),
            ("trait", .values(rows.map { Float($0 % 3) + Float(rng.nextGaussian()) })),
        ]
        for (name, target) in targets {
            let a = try MarginalSelector.scores(StandardizedData(matrix: sparse, rows: rows), target: target)
            let b = try MarginalSelector.scores(StandardizedData(matrix: DenseMatrix(rows: n, columns: p, values: dense), rows: rows),
                                                target: target)
            for j in 0 ..< p { XCTAssertEqual(a[j], b[j], accuracy: 1e-5 * max(1, abs(b[j])), "\(name) feature \(j)") }
            XCTAssertEqual(a[11], 0, "\(name): the empty column scores 0")
            XCTAssertGreaterThan(a[0], 3 * a[30], "\(name): a planted column stands out")
        }
    }
}
