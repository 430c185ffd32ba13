import CBLAS
import GSelCore
import GSelIO
import XCTest
import _TestSupport

final class OMPTests: XCTestCase {
    /// One OMP problem handed to scikit-learn: standardized X and a centred target column.
    private struct Case {
        var data: StandardizedData
        var y: [Double]
        var k: Int
    }

    private struct Reference {
        var order: [Int]
        var scores: [Double]
        var losses: [Double]
    }

    /// scikit-learn's `orthogonal_mp(X, y, n_nonzero_coefs=k)` for each case: the pick
    /// order (from the coefficient path), |corr(x_j, residual)| at each pick, and the
    /// mean squared residual after it.
    private func scikitLearnOMP(_ cases: [Case]) throws -> [Reference] {
        let dir = try TemporaryDirectory()
        for (i, c) in cases.enumerated() {
            try PythonOracle.write(c.data.denseRows(), to: dir.path("case\(i)_x.bin"))
            try PythonOracle.write(c.y, to: dir.path("case\(i)_y.bin"))
        }
        let meta = cases.map { "{\"n\": \($0.data.sampleCount), \"p\": \($0.data.featureCount), \"k\": \($0.k)}" }
        try dir.write("meta.json", "[" + meta.joined(separator: ",") + "]")
        let out = try PythonOracle.run("""
            import json, warnings, numpy as np
            from sklearn.linear_model import orthogonal_mp
            res = []
            for i, c in enumerate(json.load(open("meta.json"))):
                X = np.fromfile(f"case{i}_x.bin", np.float32).reshape(c["n"], c["p"]).astype(np.float64)
                y = np.fromfile(f"case{i}_y.bin", np.float64)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    path = orthogonal_mp(X, y, n_nonzero_coefs=c["k"], return_path=True).reshape(c["p"], -1)
                order, scores, losses, r = [], [], [], y.copy()
                for s in range(path.shape[1]):
                    new = [int(j) for j in np.flatnonzero(path[:, s]) if int(j) not in order]
                    assert len(new) == 1, new
                    j = new[0]
                    scores.append(abs(X[:, j] @ r) / (np.linalg.norm(X[:, j]) * np.linalg.norm(r)))
                    order.append(j)
                    r = y - X @ path[:, s]
                    losses.append(float(r @ r) / len(y))
                res.append({"order": order, "scores": scores, "losses": losses})
            print(json.dumps(res))
            """, in: dir) as! [[String: Any]]
        return out.map {
            Reference(order: ($0["order"] as! [Any]).ints, scores: ($0["scores"] as! [Any]).doubles,
                      losses: ($0["losses"] as! [Any]).doubles)
        }
    }

    private func regressionCase(n: Int, p: Int, k: Int, rho: Double, seed: UInt64) -> (Case, Target) {
        let x = TestMatrices.gaussian(rows: n, columns: p, correlation: rho, seed: seed)
        let y = TestMatrices.linearTarget(x, active: 12, noise: 0.5, seed: seed)
        let mean = y.reduce(0.0) { $0 + Double($1) } / Double(n)
        let data = StandardizedData(matrix: x, rows: Array(0 ..< n))
        return (Case(data: data, y: y.map { Double($0) - mean }, k: k), .values(y))
    }

    private func assertMatches(_ result: SelectionResult, _ reference: Reference, prefix: Int? = nil,
                               file: StaticString = #filePath, line: UInt = #line) {
        let count = prefix ?? reference.order.count
        XCTAssertEqual(result.features, Array(reference.order.prefix(count)), file: file, line: line)
        for (pick, (score, loss)) in zip(result.picks, zip(reference.scores, reference.losses)).prefix(count) {
            XCTAssertEqual(pick.score, score, accuracy: 1e-4 * max(1, score), "score", file: file, line: line)
            XCTAssertEqual(pick.loss!, loss, accuracy: 1e-4 * max(1e-3, loss), "loss", file: file, line: line)
        }
    }

    func testRegressionOrderMatchesScikitLearnOnIndependentAndCorrelatedDesigns() throws {
        var cases: [Case] = [], targets: [Target] = []
        for seed: UInt64 in 1 ... 4 {
            for rho in [0.0, 0.6] {
                let (c, t) = regressionCase(n: 120, p: 300, k: 20, rho: rho, seed: seed)
                cases.append(c); targets.append(t)
            }
        }
        let references = try scikitLearnOMP(cases)
        for (i, c) in cases.enumerated() {
            let result = try OrthogonalMatchingPursuit().select(c.data, target: targets[i], k: c.k)
            XCTAssertNil(result.stopReason)
            XCTAssertEqual(result.picks.count, 20)
            assertMatches(result, references[i])
        }
    }

    func testBinaryClassificationIsOMPOnTheCentredIndicator() throws {
        let n = 100, p = 250
        let x = TestMatrices.gaussian(rows: n, columns: p, correlation: 0.3, seed: 11)
        let codes = TestMatrices.classTarget(x, classes: 2, active: 8, seed: 11)
        let data = StandardizedData(matrix: x, rows: Array(0 ..< n))
        let share = Double(codes.filter { $0 == 1 }.count) / Double(n)
        let indicator = codes.map { ($0 == 1 ? 1 : 0) - share }
        let reference = try scikitLearnOMP([Case(data: data, y: indicator, k: 15)])[0]
        let result = try OrthogonalMatchingPursuit().select(
            data, target: .classes(codes: codes, names: TestMatrices.classNames(2)), k: 15)
        XCTAssertEqual(result.features, reference.order)
        for (pick, score) in zip(result.picks, reference.scores) { XCTAssertEqual(pick.score, score, accuracy: 1e-4) }
        // Loss sums the two indicator columns, which are negatives of each other.
        for (pick, loss) in zip(result.picks, reference.losses) { XCTAssertEqual(pick.loss!, 2 * loss, accuracy: 1e-4 * loss) }
    }

    /// Multi-class: simultaneous OMP against a brute-force numpy version (scores every
    /// candidate by Σ_c ⟨x_j, r_c⟩² / ‖x_j‖², refits with `numpy.linalg.lstsq`).
    func testMulticlassMatchesBruteForceSimultaneousOMP() throws {
        let dir = try TemporaryDirectory()
        let n = 150, p = 200, k = 15, classes = 4
        let x = TestMatrices.gaussian(rows: n, columns: p, correlation: 0.4, seed: 21)
        let codes = TestMatrices.classTarget(x, classes: classes, active: 10, seed: 21)
        let data = StandardizedData(matrix: x, rows: Array(0 ..< n))
        try PythonOracle.write(data.denseRows(), to: dir.path("x.bin"))
        try PythonOracle.write(codes.map(Float.init), to: dir.path("codes.bin"))
        let out = try PythonOracle.run("""
            import json, numpy as np
            X = np.fromfile("x.bin", np.float32).reshape(\(n), \(p)).astype(np.float64)
            codes = np.fromfile("codes.bin", np.float32).astype(int)
            Y = (codes[:, None] == np.arange(\(classes))[None, :]).astype(np.float64)
            Y -= Y.mean(axis=0)
            R, S, losses = Y.copy(), [], []
            for _ in range(\(k)):
                score = ((X.T @ R) ** 2).sum(axis=1) / (X ** 2).sum(axis=0)
                score[S] = -1
                S.append(int(np.argmax(score)))
                G = np.linalg.lstsq(X[:, S], Y, rcond=None)[0]
                R = Y - X[:, S] @ G
                losses.append(float((R ** 2).sum()) / \(n))
            print(json.dumps({"order": S, "losses": losses}))
            """, in: dir) as! [String: Any]
        let result = try OrthogonalMatchingPursuit().select(
            data, target: .classes(codes: codes, names: TestMatrices.classNames(classes)), k: k)
        XCTAssertEqual(result.features, (out["order"] as! [Any]).ints)
        for (pick, loss) in zip(result.picks, (out["losses"] as! [Any]).doubles) {
            XCTAssertEqual(pick.loss!, loss, accuracy: 1e-4 * loss)
        }
    }

    func testStopsAtTheRankOfTheCentredData() throws {
        // 12 samples: after centring the data has rank 11, so an exact fit needs 11 features.
        let (c, target) = regressionCase(n: 12, p: 40, k: 25, rho: 0, seed: 5)
        let reference = try scikitLearnOMP([Case(data: c.data, y: c.y, k: 11)])[0]
        let result = try OrthogonalMatchingPursuit().select(c.data, target: target, k: 25)
        XCTAssertEqual(result.picks.count, 11)
        XCTAssertNotNil(result.stopReason)
        assertMatches(result, reference)
    }

    func testDuplicateAndConstantColumnsAreNeverPicked() throws {
        let n = 60, p = 10
        var x = TestMatrices.gaussian(rows: n, columns: p, seed: 8)
        for i in 0 ..< n {
            x.values[i * p + 5] = x.values[i * p + 3]  // exact copy of feature 3
            x.values[i * p + 0] = 4.5                  // constant
        }
        let y = (0 ..< n).map { x[$0, 3] + 0.8 * x[$0, 7] + 0.3 * x[$0, 1] }
        let data = StandardizedData(matrix: x, rows: Array(0 ..< n))
        let result = try OrthogonalMatchingPursuit().select(data, target: .values(y), k: p)
        XCTAssertEqual(Array(result.features.prefix(3)), [3, 7, 1])  // the copy ties with 3 and loses on position
        XCTAssertFalse(result.features.contains(5))
        XCTAssertFalse(result.features.contains(0))
        XCTAssertEqual(result.picks.count, 3)
        XCTAssertNotNil(result.stopReason)
    }

    func testFeatureMajorStoreGivesTheSameResult() throws {
        let n = 80, p = 120
        var g = SeededGenerator(seed: 3)
        let codes = (0 ..< n * p).map { _ in UInt8(g.next() % 3) }
        let dosage = DosageMatrix(samples: n, features: p, codes: codes)
        let dense = DenseMatrix(rows: n, columns: p, featureMajor: codes.map(Float.init))
        let y = (0 ..< n).map { Float(dense[$0, 4]) - Float(dense[$0, 90]) + Float(g.nextGaussian()) }
        let a = try OrthogonalMatchingPursuit().select(StandardizedData(matrix: dosage, rows: Array(0 ..< n)),
                                                       target: .values(y), k: 10)
        let b = try OrthogonalMatchingPursuit().select(StandardizedData(matrix: dense, rows: Array(0 ..< n)),
                                                       target: .values(y), k: 10)
        XCTAssertEqual(a, b)
        XCTAssertEqual(Array(a.features.prefix(2)).sorted(), [4, 90])
    }

    func testResultDoesNotDependOnTheBLASThreadCount() throws {
        let (c, target) = regressionCase(n: 300, p: 2000, k: 30, rho: 0.3, seed: 9)
        let classes = TestMatrices.classTarget(c.data.matrix as! DenseMatrix, classes: 3, active: 6, seed: 9)
        let before = gsel_blas_get_threads()
        defer { gsel_blas_set_threads(before) }
        var runs: [[SelectionResult]] = []
        for threads: Int32 in [1, 2] {
            gsel_blas_set_threads(threads)
            runs.append([
                try OrthogonalMatchingPursuit().select(c.data, target: target, k: 30),
                try OrthogonalMatchingPursuit().select(
                    c.data, target: .classes(codes: classes, names: TestMatrices.classNames(3)), k: 30),
            ])
        }
        XCTAssertEqual(runs[0], runs[1])
    }

    func testRejectsOutOfRangeK() throws {
        let (c, target) = regressionCase(n: 20, p: 10, k: 1, rho: 0, seed: 1)
        XCTAssertThrowsError(try OrthogonalMatchingPursuit().select(c.data, target: target, k: 0)) {
            XCTAssertEqual(($0 as? ParameterError)?.parameter, "k")
        }
        XCTAssertThrowsError(try OrthogonalMatchingPursuit().select(c.data, target: target, k: 11)) {
            XCTAssertEqual(($0 as? ParameterError)?.description, "k 11 is larger than the number of features (10) for omp")
        }
    }

    func testGolubOrderMatchesScikitLearn() throws {
        let dir = try TemporaryDirectory()
        let golub = try GolubData.load(in: dir)
        let n = golub.matrix.rowCount
        guard case .classes(let codes, _) = golub.target else { return XCTFail("Golub labels are classes") }
        let data = StandardizedData(matrix: golub.matrix, rows: Array(0 ..< n))
        let share = Double(codes.filter { $0 == 1 }.count) / Double(n)
        let reference = try scikitLearnOMP([Case(data: data, y: codes.map { ($0 == 1 ? 1 : 0) - share }, k: 12)])[0]
        let result = try OrthogonalMatchingPursuit().select(data, target: golub.target, k: 12)
        XCTAssertEqual(result.features, reference.order)
    }
}

extension OMPTests {
    /// OMP streamed from the store (no dense copy) picks what the dense copy picks, for a
    /// sample-major and a feature-major store, with scores equal to rounding; for a
    /// sample-major store (what every fit reads, and a store on disk) bit for bit, so a run
    /// streaming a store larger than --max-memory ranks as the run holding the copy.
    func testStreamedDesignMatchesTheDenseCopy() throws {
        let planted = PlantedSignal(samples: 300, features: 120, pair: .synergy(weight: 1.5), seed: 4)
        let target = Target.classes(codes: planted.labels, names: ["a", "b"])
        var codes = [UInt8](repeating: 0, count: 300 * 120)
        for j in 0 ..< 120 { for i in 0 ..< 300 { codes[j * 300 + i] = UInt8(max(0, min(2, planted.matrix[i, j] + 1))) } }
        let stores: [any FeatureMatrix] = [planted.matrix, DosageMatrix(samples: 300, features: 120, codes: codes)]
        for store in stores {
            let data = StandardizedData(matrix: store, rows: Array(0 ..< 300))
            let dense = try OrthogonalMatchingPursuit(snapshotSize: 30).select(data, target: target, k: 8)
            var streamed = OrthogonalMatchingPursuit(snapshotSize: 30)
            streamed.denseLimitBytes = 0
            let s = try streamed.select(data, target: target, k: 8)
            XCTAssertEqual(s.features, dense.features, "\(type(of: store))")
            for (a, b) in zip(s.picks, dense.picks) { XCTAssertEqual(a.score, b.score, accuracy: 1e-5) }
            if store.preferredAxis == .samples {
                XCTAssertEqual(s.picks.map(\.score), dense.picks.map(\.score))
                XCTAssertEqual(s.snapshots.map { $0.candidates.map(\.feature) }, dense.snapshots.map { $0.candidates.map(\.feature) })
                // Several targets (three classes: a matrix product per block) too.
                let three = Target.classes(codes: planted.labels.enumerated().map { $1 == 1 ? 1 : $0 % 3 == 0 ? 2 : 0 },
                                           names: ["a", "b", "c"])
                let dense3 = try OrthogonalMatchingPursuit().select(data, target: three, k: 8)
                let streamed3 = try streamed.select(data, target: three, k: 8)
                XCTAssertEqual(streamed3.picks.map(\.score), dense3.picks.map(\.score))
            }
        }
    }

    /// A fit's sample-major dosage codes are never copied to Float32 (4x their size): OMP
    /// streams them, bit for bit as the dense copy of the same values.
    func testDosageRowsStreamAsTheDenseCopy() throws {
        let planted = PlantedSignal(samples: 300, features: 120, pair: .synergy(weight: 1.5), seed: 4)
        let target = Target.classes(codes: planted.labels, names: ["a", "b"])
        var codes = [UInt8](repeating: 0, count: 300 * 120)
        for j in 0 ..< 120 { for i in 0 ..< 300 { codes[j * 300 + i] = i % 50 == j % 50 ? DosageMatrix.missing : UInt8(max(0, min(2, planted.matrix[i, j] + 1))) } }
        let rows = Array(0 ..< 300)
        let copy = DosageMatrix(samples: 300, features: 120, codes: codes).sampleMajorCopy(rows: rows)!
        let floats = DenseMatrix(rows: 300, columns: 120, featureMajor: codes.map { $0 == DosageMatrix.missing ? .nan : Float($0) })
        let streamed = try OrthogonalMatchingPursuit(snapshotSize: 30).select(StandardizedData(matrix: copy, rows: rows), target: target, k: 8)
        let dense = try OrthogonalMatchingPursuit(snapshotSize: 30).select(StandardizedData(matrix: floats, rows: rows), target: target, k: 8)
        XCTAssertEqual(streamed.features, dense.features)
        XCTAssertEqual(streamed.picks.map(\.score), dense.picks.map(\.score))
        XCTAssertEqual(streamed.snapshots.map { $0.candidates.map(\.feature) }, dense.snapshots.map { $0.candidates.map(\.feature) })
    }
}

extension OMPTests {
    /// A CSR store too large for the dense copy is read through its stored values: the same
    /// picks and residual leaders as the dense copy, scores equal to rounding, for one and
    /// for three targets and for a trait, with a stored NaN and an empty column.
    func testSparsePassesMatchTheDenseCopy() throws {
        var rng = SeededGenerator(seed: 12)
        let n = 400, p = 150, drivers = [9, 40, 77, 120]
        var indptr = [0], indices: [Int32] = [], values: [Float] = [], score = [Double]()
        for _ in 0 ..< n {
            var y = 0.0
            for j in 0 ..< p where j != 33 && rng.nextUniform() < (drivers.contains(j) ? 0.5 : 0.1) {
                let x = Float(1 + 3 * rng.nextUniform())
                indices.append(Int32(j)); values.append(x)
                if let d = drivers.firstIndex(of: j) { y += Double(x) * (1 - 0.2 * Double(d)) }
            }
            indptr.append(indices.count)
            score.append(y + 0.7 * rng.nextGaussian())
        }
        values[5] = .nan
        let store = SparseMatrix(rows: n, columns: p, indptr: indptr, indices: indices, data: values)
        let data = StandardizedData(matrix: store, rows: Array(0 ..< n).filter { $0 % 7 != 3 })
        let kept = data.rows.map { score[$0] }
        let median = kept.sorted()[kept.count / 2]
        let targets: [(String, Target)] = [
            ("binary", .classes(codes: kept.map { $0 > median ? 1 : 0 }, names: ["a", "b"])),
            ("three", .classes(codes: kept.enumerated().map { $1 > median ? 1 : $0 % 3 == 0 ? 2 : 0 }, names: ["a", "b", "c"])),
            ("trait", .values(kept.map { Float($0) })),
        ]
        for (name, target) in targets {
            let dense = try OrthogonalMatchingPursuit(snapshotSize: 20).select(data, target: target, k: 8)
            var streamed = OrthogonalMatchingPursuit(snapshotSize: 20)
            streamed.denseLimitBytes = 0
            let sparse = try streamed.select(data, target: target, k: 8)
            XCTAssertEqual(sparse.features, dense.features, name)
            for (a, b) in zip(sparse.picks, dense.picks) { XCTAssertEqual(a.score, b.score, accuracy: 1e-4 * max(1, abs(b.score)), name) }
            XCTAssertEqual(sparse.snapshots.map { $0.candidates.map(\.feature) }, dense.snapshots.map { $0.candidates.map(\.feature) }, name)
            XCTAssertFalse(sparse.features.contains(33), "\(name): the empty column is never picked")
        }
        let trait = try OrthogonalMatchingPursuit().select(data, target: targets[2].1, k: 4)
        XCTAssertEqual(Set(trait.features), Set(drivers), "the trait's drivers")
    }
}
