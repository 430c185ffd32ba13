import GSelCore
import GSelIO
import XCTest
import _TestSupport

/// Selection statistics given covariates, against least squares computed by numpy and
/// scikit-learn's `orthogonal_mp`: the marginal partial F (ANCOVA) and partial correlation,
/// OMP started from the covariates, and Sequential Attention never picking a covariate.
final class CovariateStatisticsTests: XCTestCase {
    private let n = 160, p = 60
    /// Covariate columns: age (numeric) and batch b2, b3 (one-hot against b1).
    private let covariateCount = 3

    /// Features, covariates and batch of a confounded design: batch shifts features 0-9,
    /// age drives features 10-14.
    private func design(seed: UInt64) -> (matrix: CovariateMatrix, batch: [Int], age: [Double]) {
        var rng = SeededGenerator(seed: seed)
        var x = TestMatrices.gaussian(rows: n, columns: p, correlation: 0.2, seed: seed)
        let batch = (0 ..< n).map { _ in Int(rng.next() % 3) }
        let age = (0 ..< n).map { _ in 20 + 60 * rng.nextUniform() }
        for i in 0 ..< n {
            for j in 0 ..< 10 { x.values[i * p + j] += Float(batch[i]) }
            for j in 10 ..< 15 { x.values[i * p + j] += Float((age[i] - 50) / 20) }
        }
        var covariates = [Float](repeating: 0, count: n * covariateCount)
        for i in 0 ..< n {
            covariates[i] = Float(age[i])
            if batch[i] == 1 { covariates[n + i] = 1 }
            if batch[i] == 2 { covariates[2 * n + i] = 1 }
        }
        return (CovariateMatrix(base: x, covariates: covariates, covariateCount: covariateCount), batch, age)
    }

    /// numpy least squares on the raw values: for classification the partial F of the class
    /// dummies on each feature given [1, C], for regression |corr| of the residuals of x and
    /// y on [1, C]; over the rows `rows`.
    private func leastSquaresStatistics(_ m: CovariateMatrix, rows: [Int], target: Target) throws -> [Double] {
        let dir = try TemporaryDirectory()
        try PythonOracle.write(rows.flatMap { m.row($0) }, to: dir.path("xc.bin"))
        switch target {
        case .classes(let codes, _): try PythonOracle.write(codes.map(Float.init), to: dir.path("y.bin"))
        case .values(let v): try PythonOracle.write(v, to: dir.path("y.bin"))
        }
        let out = try PythonOracle.run("""
            import json, numpy as np
            A = np.fromfile("xc.bin", np.float32).reshape(\(rows.count), \(p + covariateCount)).astype(np.float64)
            X, C = A[:, :\(p)], A[:, \(p):]
            y = np.fromfile("y.bin", np.float32).astype(np.float64)
            n = len(y)
            base = np.column_stack([np.ones(n), C])
            def rss(design, v):
                beta = np.linalg.lstsq(design, v, rcond=None)[0]
                r = v - design @ beta
                return r @ r, r
            out = []
            if \(target.isClassification ? "True" : "False"):
                classes = np.unique(y)
                D = np.column_stack([(y == c).astype(float) for c in classes[1:]])
                full = np.column_stack([base, D])
                df2 = n - np.linalg.matrix_rank(full)
                for j in range(X.shape[1]):
                    r0, _ = rss(base, X[:, j]); r1, _ = rss(full, X[:, j])
                    out.append(((r0 - r1) / D.shape[1]) / (r1 / df2))
            else:
                _, ry = rss(base, y)
                for j in range(X.shape[1]):
                    _, rx = rss(base, X[:, j])
                    out.append(abs(rx @ ry) / np.sqrt((rx @ rx) * (ry @ ry)))
            print(json.dumps(out))
            """, in: dir) as! [Any]
        return out.doubles
    }

    private func assertClose(_ ours: [Double], _ reference: [Double], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ours.count, reference.count, file: file, line: line)
        for (j, (a, b)) in zip(ours, reference).enumerated() {
            XCTAssertEqual(a, b, accuracy: 1e-4 * max(abs(b), 1e-3), "feature \(j)", file: file, line: line)
        }
    }

    func testPartialFMatchesLeastSquaresANCOVA() throws {
        let (m, batch, age) = design(seed: 41)
        var rng = SeededGenerator(seed: 42)
        // Classes follow batch, age and features 20-22; features 0-14 only follow the covariates.
        let codes = (0 ..< n).map { i -> Int32 in
            var s = Double(batch[i]) + (age[i] - 50) / 15 + rng.nextGaussian() * 0.8
            for j in 20 ..< 23 { s += Double(m.row(i)[j]) }
            return s < 0.5 ? 0 : s < 2 ? 1 : 2
        }
        let target = Target.classes(codes: codes, names: TestMatrices.classNames(3))
        let all = Array(0 ..< n)
        let scores = try MarginalSelector.scores(StandardizedData(matrix: m, rows: all), target: target)
        assertClose(scores, try leastSquaresStatistics(m, rows: all, target: target))
        // Without the covariates the batch-driven features lead; with them the planted ones do.
        let plain = try MarginalSelector.scores(StandardizedData(matrix: m.base, rows: all), target: target)
        XCTAssertFalse(Set(MarginalSelector.ranking(plain).prefix(3)).isSubset(of: 20 ..< 23))
        XCTAssertEqual(Set(MarginalSelector.ranking(scores).prefix(3)), Set(20 ..< 23))

        // A split without batch b3: that level's column is constant there and left out.
        let subset = all.filter { batch[$0] != 2 }
        let subTarget = target.subset(subset)
        assertClose(try MarginalSelector.scores(StandardizedData(matrix: m, rows: subset), target: subTarget),
                    try leastSquaresStatistics(m, rows: subset, target: subTarget))
    }

    func testPartialCorrelationMatchesLeastSquaresResiduals() throws {
        let (m, batch, age) = design(seed: 43)
        var rng = SeededGenerator(seed: 44)
        let y = (0 ..< n).map { i -> Float in
            Float(2 * Double(batch[i]) + (age[i] - 50) / 10 + Double(m.row(i)[30]) - Double(m.row(i)[31]) + rng.nextGaussian())
        }
        let all = Array(0 ..< n)
        let scores = try MarginalSelector.scores(StandardizedData(matrix: m, rows: all), target: .values(y))
        assertClose(scores, try leastSquaresStatistics(m, rows: all, target: .values(y)))
        XCTAssertEqual(Set(MarginalSelector.ranking(scores).prefix(2)), [30, 31])
    }

    /// OMP from the covariates equals scikit-learn's `orthogonal_mp` on the features and
    /// target with the covariates (and the intercept) regressed out (Frisch–Waugh–Lovell;
    /// standardized columns all have norm √n, so the pick rule is the same).
    func testOMPFromTheCovariatesIsOMPOnTheResidualisedData() throws {
        let (m, batch, _) = design(seed: 45)
        var rng = SeededGenerator(seed: 46)
        let y = (0 ..< n).map { i -> Float in
            let row = m.row(i)
            return Float(3 * Double(batch[i]) + 0.8 * Double(row[0]) + Double(row[40]) - 0.7 * Double(row[41])
                         + 0.6 * Double(row[42]) + 0.5 * rng.nextGaussian())
        }
        let data = StandardizedData(matrix: m, rows: Array(0 ..< n))
        let k = 8
        let ours = try OrthogonalMatchingPursuit().select(data, target: .values(y), k: k)
        XCTAssertTrue(ours.features.allSatisfy { $0 < p }, "covariates are never picked")
        let dir = try TemporaryDirectory()
        try PythonOracle.write(data.denseRows(), to: dir.path("z.bin"))
        try PythonOracle.write(y, to: dir.path("y.bin"))
        let order = try PythonOracle.run("""
            import json, numpy as np
            from sklearn.linear_model import orthogonal_mp
            Z = np.fromfile("z.bin", np.float32).reshape(\(n), \(p + covariateCount)).astype(np.float64)
            X, C = Z[:, :\(p)], np.column_stack([np.ones(\(n)), Z[:, \(p):]])
            y = np.fromfile("y.bin", np.float32).astype(np.float64)
            P = C @ np.linalg.pinv(C)
            Xr, yr = X - P @ X, y - P @ y
            path = orthogonal_mp(Xr, yr, n_nonzero_coefs=\(k), return_path=True)
            order = []
            for s in range(path.shape[1]):
                order += [int(j) for j in np.flatnonzero(path[:, s]) if int(j) not in order]
            print(json.dumps(order))
            """, in: dir) as! [Any]
        XCTAssertEqual(ours.features, order.ints)
    }

    /// Sequential Attention keeps the covariates as inputs and never ranks them, with or
    /// without groups; a feature that copies the batch is not picked when batch is a covariate.
    func testSequentialAttentionNeverPicksACovariate() throws {
        let (m, batch, _) = design(seed: 47)
        var x = m.base as! DenseMatrix
        for i in 0 ..< n { x.values[i * p + 5] = Float(batch[i]) }  // feature 5 copies the batch
        let withCopy = CovariateMatrix(base: x, covariates: (p ..< p + covariateCount).flatMap { m.column($0) },
                                       covariateCount: covariateCount)
        let codes = (0 ..< n).map { i -> Int32 in
            let row = x.row(i)
            return Double(batch[i]) - 1 + Double(row[50]) + Double(row[51]) > 0 ? 1 : 0
        }
        let data = StandardizedData(matrix: withCopy, rows: Array(0 ..< n))
        XCTAssertEqual(data.candidateCount, p)
        let target = Target.classes(codes: codes, names: ["control", "case"])
        let picks = try SequentialAttention().select(data, target: target, k: 3, seed: 1, stream: [0]).features
        XCTAssertTrue(picks.allSatisfy { $0 < p }, "\(picks)")
        XCTAssertFalse(picks.contains(5), "the batch copy adds nothing to the batch covariate: \(picks)")
        XCTAssertTrue(Set(picks).isSuperset(of: [50, 51]), "\(picks)")
        let groups = FeatureGroups(names: (0 ..< p / 5).map { "G\($0)" }, groupOf: (0 ..< p).map { $0 / 5 })
        let grouped = try SequentialAttention(groups: groups).select(data, target: target, k: 2, seed: 1, stream: [0]).features
        XCTAssertTrue(grouped.allSatisfy { $0 < p / 5 }, "\(grouped)")
        XCTAssertTrue(grouped.contains(10), "the group of features 50 and 51: \(grouped)")
    }

    /// The collinearity check names the column and what it duplicates.
    func testDependentCovariateIsNamed() throws {
        let (m, batch, age) = design(seed: 48)
        var covariates = (p ..< p + covariateCount).flatMap { m.column($0) }
        XCTAssertNil(m.dependentCovariate(rows: Array(0 ..< n))?.column)
        // Age in months next to age, and a batch indicator that is b2 + b3.
        covariates += age.map { Float($0 * 12) } + batch.map { $0 == 0 ? 0 : 1 }
        let augmented = CovariateMatrix(base: m.base, covariates: covariates, covariateCount: covariateCount + 2)
        let dependent = augmented.dependentCovariate(rows: Array(0 ..< n))
        XCTAssertEqual(dependent?.column, 3)
        XCTAssertEqual(dependent?.combination, [0])
        let indicator = CovariateMatrix(base: m.base, covariates: Array(covariates[0 ..< 3 * n] + covariates[4 * n ..< 5 * n]),
                                        covariateCount: 4)
        XCTAssertEqual(indicator.dependentCovariate(rows: Array(0 ..< n))?.column, 3)
        XCTAssertEqual(indicator.dependentCovariate(rows: Array(0 ..< n))?.combination, [1, 2])
    }

    /// The per-fit copies keep the covariates covariates: the sample-major copy of genotype
    /// dosages for a fit's rows, and the screened columns of a split.
    func testPerFitCopiesKeepTheCovariates() throws {
        var g = SeededGenerator(seed: 49)
        let dosages = DosageMatrix(samples: n, features: p, codes: (0 ..< n * p).map { _ in UInt8(g.next() % 3) })
        let covariates = (0 ..< n * covariateCount).map { _ in Float(g.nextGaussian()) }
        let m = CovariateMatrix(base: dosages, covariates: covariates, covariateCount: covariateCount)
        let rows = Array(stride(from: 3, to: n, by: 2))
        let copied = StandardizedData(trainingRows: rows, of: m)
        XCTAssertTrue((copied.matrix as? CovariateMatrix)?.base is SampleMajorDosages, "a sample-major copy of the fit's rows")
        XCTAssertEqual(copied.covariateCount, covariateCount)
        let direct = StandardizedData(matrix: m, rows: rows)
        XCTAssertEqual(copied.denseRows(), direct.denseRows())
        let screened = direct.columns([7, 2, 40])
        XCTAssertEqual(screened.candidateCount, 3)
        XCTAssertEqual(screened.covariateCount, covariateCount)
        for (c, j) in ([7, 2, 40] + Array(p ..< p + covariateCount)).enumerated() {
            XCTAssertEqual(screened.column(c), direct.column(j), "column \(j)")
        }
    }
}
