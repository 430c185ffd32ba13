import Foundation
import GSelCore
import GSelIO
import XCTest
import _TestSupport

final class EvaluationTests: XCTestCase {
    private func classTarget(sizes: [Int]) -> Target {
        // Classes interleaved so that positions carry no class information.
        var codes: [Int32] = []
        var left = sizes
        while left.contains(where: { $0 > 0 }) {
            for c in left.indices where left[c] > 0 { codes.append(Int32(c)); left[c] -= 1 }
        }
        return .classes(codes: codes, names: TestMatrices.classNames(sizes.count))
    }

    private func counts(_ rows: [Int], _ target: Target) -> [Int] {
        guard case .classes(let codes, let names) = target else { return [rows.count] }
        var c = [Int](repeating: 0, count: names.count)
        for r in rows { c[Int(codes[r])] += 1 }
        return c
    }

    private func assertPartition(_ a: [Int], _ b: [Int], of all: [Int], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a, a.sorted(), file: file, line: line)
        XCTAssertEqual(b, b.sorted(), file: file, line: line)
        XCTAssertTrue(Set(a).isDisjoint(with: b), file: file, line: line)
        XCTAssertEqual((a + b).sorted(), all.sorted(), file: file, line: line)
    }

    func testStratifiedSplitKeepsClassSharesAndTwoTrainingSamplesPerClass() throws {
        let target = classTarget(sizes: [50, 30, 7, 2])
        let split = try StratifiedSplit(target: target, validationFraction: 0.2, seed: 1)
        assertPartition(split.train, split.validation, of: Array(0 ..< 89))
        // round(0.2 · 89) = 18: floors 10, 6, 1, 0 and one more for the largest remainder
        // (0.4, class 2); the class of 2 keeps both samples in training.
        XCTAssertEqual(counts(split.validation, target), [10, 6, 2, 0])
        XCTAssertEqual(try StratifiedSplit(target: target, validationFraction: 0.2, seed: 1), split)
        XCTAssertNotEqual(try StratifiedSplit(target: target, validationFraction: 0.2, seed: 2).validation, split.validation)

        let regression = Target.values((0 ..< 50).map(Float.init))
        let r = try StratifiedSplit(target: regression, validationFraction: 0.2, seed: 1)
        assertPartition(r.train, r.validation, of: Array(0 ..< 50))
        XCTAssertEqual(r.validation.count, 10)
        XCTAssertNotEqual(r.validation, Array(40 ..< 50))

        for bad in [0.0, 1.0, -0.5] {
            XCTAssertThrowsError(try StratifiedSplit(target: target, validationFraction: bad, seed: 1)) {
                XCTAssertEqual(($0 as? ParameterError)?.parameter, "validation_fraction")
            }
        }
    }

    func testComplementaryHalvesAreStratifiedAndBalanced() {
        let target = classTarget(sizes: [30, 14, 9])
        let rows = Array(stride(from: 0, to: 53, by: 1)).filter { $0 % 7 != 3 }  // a training subset
        let sizes = counts(rows, target)
        let halves = ComplementaryHalves(rows: rows, target: target, seed: 5, stream: [0])
        assertPartition(halves.first, halves.second, of: rows)
        let first = counts(halves.first, target), second = counts(halves.second, target)
        for c in sizes.indices {
            XCTAssertEqual(first[c] + second[c], sizes[c])
            XCTAssertLessThanOrEqual(abs(first[c] - second[c]), 1)
        }
        XCTAssertLessThanOrEqual(abs(halves.first.count - halves.second.count), 1)
        XCTAssertEqual(ComplementaryHalves(rows: rows, target: target, seed: 5, stream: [0]), halves)
        XCTAssertNotEqual(ComplementaryHalves(rows: rows, target: target, seed: 5, stream: [1]), halves)

        let regression = ComplementaryHalves(rows: Array(0 ..< 41), target: .values([Float](repeating: 0, count: 41)),
                                             seed: 5, stream: [2])
        assertPartition(regression.first, regression.second, of: Array(0 ..< 41))
        XCTAssertEqual([regression.first.count, regression.second.count], [21, 20])
    }

    func testClassCountCheckNamesTheSmallClasses() throws {
        let target = Target.classes(codes: [0, 0, 0, 1, 2, 2], names: ["ALL", "AML", "T-cell"])
        XCTAssertNoThrow(try ClassCountCheck.require(target, rows: [0, 1, 4, 5, 3, 3]))
        XCTAssertThrowsError(try ClassCountCheck.require(target)) { error in
            let message = (error as? InputError)?.message ?? ""
            XCTAssertTrue(message.contains("'AML' (1 sample)"), message)
            XCTAssertFalse(message.contains("'ALL'"), message)
        }
        XCTAssertThrowsError(try ClassCountCheck.require(target, rows: [0, 1, 2])) { error in
            let message = (error as? InputError)?.message ?? ""
            XCTAssertTrue(message.contains("'AML' (0 samples), 'T-cell' (0 samples)"), message)
        }
        XCTAssertThrowsError(try ClassCountCheck.require(target, file: "labels.tsv")) { error in
            XCTAssertTrue("\(error)".hasPrefix("labels.tsv: class 'AML' (1 sample) in the training split"), "\(error)")
        }
        XCTAssertNoThrow(try ClassCountCheck.require(.values([1])))
    }

    /// Logistic regression against scikit-learn's `LogisticRegression(C=1)`: binary,
    /// multinomial, more features than samples, and ten image-like classes with the
    /// iteration cap lowered to 20 so that both fits stop there. Each case trains on the
    /// first n rows and predicts the last 50, once with the defaults (tol 1e-4, at most
    /// 100 iterations: the same iterations, also when both stop at the cap) and once
    /// fitted to convergence.
    func testLogisticRegressionMatchesScikitLearn() throws {
        let cases: [(classes: Int, n: Int, d: Int, seed: UInt64, cap: Int)] = [
            (2, 150, 8, 51, 100), (3, 180, 10, 52, 100), (2, 40, 60, 53, 100), (4, 60, 80, 54, 100), (10, 2000, 30, 55, 20)]
        let dir = try TemporaryDirectory()
        var ours: [(defaults: LogisticRegressionModel, converged: LogisticRegressionModel, test: DesignMatrix)] = []
        for (i, c) in cases.enumerated() {
            let (x, codes) = c.classes == 10
                ? TestMatrices.imageLike(rows: c.n + 50, columns: c.d, classes: c.classes, seed: c.seed)
                : { let x = TestMatrices.gaussian(rows: c.n + 50, columns: c.d, correlation: 0.3, seed: c.seed)
                    return (x, TestMatrices.classTarget(x, classes: c.classes, active: min(c.d, 5), seed: c.seed)) }()
            let values = x.values.map(Double.init)
            let train = DesignMatrix(rows: c.n, columns: c.d, values: Array(values[0 ..< c.n * c.d]))
            let trainCodes = Array(codes[0 ..< c.n])
            ours.append((defaults: LogisticRegressionModel(fitting: train, classes: trainCodes, classCount: c.classes,
                                                           maxIterations: c.cap),
                         converged: LogisticRegressionModel(fitting: train, classes: trainCodes, classCount: c.classes,
                                                            tolerance: 1e-10, maxIterations: 100_000),
                         test: DesignMatrix(rows: 50, columns: c.d, values: Array(values[(c.n * c.d)...]))))
            try PythonOracle.write(values, to: dir.path("x\(i).bin"))
            try PythonOracle.write(codes.map(Double.init), to: dir.path("y\(i).bin"))
        }
        let shapes = cases.map { "(\($0.n), \($0.d), \($0.cap))" }.joined(separator: ", ")
        let out = try PythonOracle.run("""
            import json, warnings, numpy as np
            from sklearn.linear_model import LogisticRegression
            warnings.simplefilter("ignore")  # ConvergenceWarning at the iteration cap
            res = []
            for i, (n, d, cap) in enumerate([\(shapes)]):
                X = np.fromfile(f"x{i}.bin").reshape(-1, d); y = np.fromfile(f"y{i}.bin").astype(int)
                default = LogisticRegression(C=1.0, max_iter=cap).fit(X[:n], y[:n])
                converged = LogisticRegression(C=1.0, tol=1e-10, max_iter=100000).fit(X[:n], y[:n])
                res.append({"iterations": int(default.n_iter_[0]), "default": default.predict_proba(X[n:]).ravel().tolist(),
                            "converged": converged.predict_proba(X[n:]).ravel().tolist()})
            print(json.dumps(res))
            """, in: dir) as! [[String: Any]]
        var capped = 0
        for (c, (model, reference)) in zip(cases, zip(ours, out)) {
            let iterations = (reference["iterations"] as! NSNumber).intValue
            XCTAssertEqual(model.defaults.iterations, iterations, "\(c)")
            XCTAssertEqual(model.defaults.converged, iterations < c.cap, "\(c)")
            if iterations == c.cap { capped += 1 }
            XCTAssertTrue(model.converged.converged, "\(c)")
            for (fit, key) in [(model.defaults, "default"), (model.converged, "converged")] {
                let probabilities = fit.probabilities(model.test), expected = (reference[key] as! [Any]).doubles
                XCTAssertEqual(probabilities.count, expected.count)
                for (a, b) in zip(probabilities, expected) { XCTAssertEqual(a, b, accuracy: 1e-6, "\(c) \(key)") }
            }
        }
        XCTAssertGreaterThan(capped, 0, "no case reached the iteration cap")
    }

    func testRidgeMatchesScikitLearn() throws {
        let cases: [(n: Int, d: Int, seed: UInt64)] = [(100, 6, 61), (30, 45, 62)]
        let dir = try TemporaryDirectory()
        var ours: [[Double]] = []
        for (i, c) in cases.enumerated() {
            let x = TestMatrices.gaussian(rows: c.n + 40, columns: c.d, correlation: 0.5, seed: c.seed)
            let y = TestMatrices.linearTarget(x, active: min(c.d, 4), noise: 0.7, seed: c.seed).map { Double($0) + 3 }
            let values = x.values.map(Double.init)
            let model = RidgeRegressionModel(fitting: DesignMatrix(rows: c.n, columns: c.d, values: Array(values[0 ..< c.n * c.d])),
                                             targets: Array(y[0 ..< c.n]))
            ours.append(model.predict(DesignMatrix(rows: 40, columns: c.d, values: Array(values[(c.n * c.d)...]))))
            try PythonOracle.write(values, to: dir.path("x\(i).bin"))
            try PythonOracle.write(y, to: dir.path("y\(i).bin"))
        }
        let shapes = cases.map { "(\($0.n), \($0.d))" }.joined(separator: ", ")
        let out = try PythonOracle.run("""
            import json, numpy as np
            from sklearn.linear_model import Ridge
            res = []
            for i, (n, d) in enumerate([\(shapes)]):
                X = np.fromfile(f"x{i}.bin").reshape(-1, d); y = np.fromfile(f"y{i}.bin")
                res.append(Ridge(alpha=1.0).fit(X[:n], y[:n]).predict(X[n:]).tolist())
            print(json.dumps(res))
            """, in: dir) as! [[Any]]
        for (predicted, reference) in zip(ours, out.map(\.doubles)) {
            XCTAssertEqual(predicted.count, reference.count)
            for (a, b) in zip(predicted, reference) { XCTAssertEqual(a, b, accuracy: 1e-9 * max(1, abs(b))) }
        }
    }

    func testKGrid() {
        XCTAssertEqual(HeldOutEvaluation.kGrid(upTo: 1), [1])
        XCTAssertEqual(HeldOutEvaluation.kGrid(upTo: 7), [1, 2, 5, 7])
        XCTAssertEqual(HeldOutEvaluation.kGrid(upTo: 20), [1, 2, 5, 10, 20])
        XCTAssertEqual(HeldOutEvaluation.kGrid(upTo: 1234), [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 1234])
    }

    /// Scikit-learn pipeline on the same rows and rankings: the training rows' mean and
    /// standard deviation (as `StandardScaler`), applied in float32 as `StandardizedData`
    /// applies them — a fit that stops at the iteration cap moves by more than 1e-3 in
    /// accuracy when its input changes by float32 rounding, so both sides must see the
    /// same numbers — then `LogisticRegression(C=1)` (defaults) / `Ridge(alpha=1)` on the
    /// first k' ranked columns, scored with `sklearn.metrics`. Each row also gives the
    /// iterations scikit-learn took.
    private func scikitLearnEvaluation(raw: [Float], columns p: Int, target: Target, split: StratifiedSplit,
                                       rows: [EvaluationRow], orders: [String: [Int]]) throws -> [[String: Any]] {
        let dir = try TemporaryDirectory()
        try PythonOracle.write(raw, to: dir.path("x.bin"))
        switch target {
        case .classes(let codes, _): try PythonOracle.write(codes.map(Float.init), to: dir.path("y.bin"))
        case .values(let v): try PythonOracle.write(v, to: dir.path("y.bin"))
        }
        let spec: [String: Any] = ["train": split.train, "validation": split.validation, "orders": orders,
                                   "rows": rows.map { ["method": $0.method, "k": $0.k] },
                                   "classification": target.isClassification]
        try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: dir.path("spec.json")))
        return try PythonOracle.run("""
            import os
            os.environ["OPENBLAS_NUM_THREADS"] = "1"  # small products: BLAS threads only contend
            import json, warnings, numpy as np
            from sklearn.linear_model import LogisticRegression, Ridge
            from sklearn.metrics import accuracy_score, balanced_accuracy_score, roc_auc_score, r2_score
            warnings.simplefilter("ignore")  # ConvergenceWarning at the iteration cap
            s = json.load(open("spec.json"))
            X = np.fromfile("x.bin", np.float32).reshape(-1, \(p))
            y = np.fromfile("y.bin", np.float32).astype(np.float64)
            tr, va = np.array(s["train"]), np.array(s["validation"])
            mean = X[tr].astype(np.float64).mean(axis=0)
            var = np.maximum(0, (X[tr].astype(np.float64) ** 2).mean(axis=0) - mean ** 2)
            inv = np.where(var > 1e-12 * np.maximum(1, mean ** 2), 1 / np.sqrt(np.where(var > 0, var, 1)), 0)
            standardize = lambda rows: ((X[rows] - mean.astype(np.float32)) * inv.astype(np.float32)).astype(np.float64)
            Xtr, Xva = standardize(tr), standardize(va)
            out = []
            for row in s["rows"]:
                cols = s["orders"][row["method"]][:row["k"]]
                if s["classification"]:
                    m = LogisticRegression(C=1.0).fit(Xtr[:, cols], y[tr].astype(int))
                    pred = m.predict(Xva[:, cols])
                    r = {"accuracy": accuracy_score(y[va], pred), "balanced": balanced_accuracy_score(y[va], pred),
                         "iterations": int(m.n_iter_[0])}
                    if len(m.classes_) == 2:
                        r["auroc"] = roc_auc_score(y[va], m.predict_proba(Xva[:, cols])[:, 1])
                else:
                    m = Ridge(alpha=1.0).fit(Xtr[:, cols], y[tr])
                    r = {"r2": r2_score(y[va], m.predict(Xva[:, cols]))}
                out.append(r)
            print(json.dumps(out))
            """, in: dir) as! [[String: Any]]
    }

    func testGolubEvaluationMatchesAScikitLearnPipeline() throws {
        let dir = try TemporaryDirectory()
        let golub = try GolubData.load(in: dir)
        let split = try StratifiedSplit(target: golub.target, validationFraction: 0.25, seed: 7)
        let train = StandardizedData(matrix: golub.matrix, rows: split.train)
        let validation = StandardizedData(matrix: golub.matrix, rows: split.validation, statisticsOf: train)
        let trainTarget = golub.target.subset(split.train)
        let omp = try OrthogonalMatchingPursuit().select(train, target: trainTarget, k: 20).features
        let marginal = try MarginalSelector().select(train, target: trainTarget, k: 20).features
        let rows = try HeldOutEvaluation.evaluate(train: train, trainTarget: trainTarget, validation: validation,
                                                  validationTarget: golub.target.subset(split.validation),
                                                  orders: ["omp": omp, "marginal": marginal])
        XCTAssertEqual(rows.map(\.method), [String](repeating: "omp", count: 5) + [String](repeating: "marginal", count: 5))
        XCTAssertEqual(rows.map(\.k), [1, 2, 5, 10, 20, 1, 2, 5, 10, 20])
        let reference = try scikitLearnEvaluation(raw: golub.matrix.values, columns: golub.matrix.columnCount,
                                                  target: golub.target, split: split, rows: rows,
                                                  orders: ["omp": omp, "marginal": marginal])
        for (row, ref) in zip(rows, reference) {
            XCTAssertEqual(row.accuracy!, (ref["accuracy"] as! NSNumber).doubleValue, accuracy: 1e-12, "\(row)")
            XCTAssertEqual(row.balancedAccuracy!, (ref["balanced"] as! NSNumber).doubleValue, accuracy: 1e-12, "\(row)")
            XCTAssertEqual(row.auroc!, (ref["auroc"] as! NSNumber).doubleValue, accuracy: 1e-12, "\(row)")
            XCTAssertNil(row.r2)
            // 95 % intervals: Wilson for accuracy, the bootstrap for the others; none for R².
            let n = split.validation.count
            XCTAssertEqual(row.accuracyInterval, Metrics.wilson(correct: Int((row.accuracy! * Double(n)).rounded()), total: n))
            XCTAssertTrue(try XCTUnwrap(row.balancedAccuracyInterval).contains(row.balancedAccuracy!), "\(row)")
            XCTAssertTrue(try XCTUnwrap(row.aurocInterval).contains(row.auroc!), "\(row)")
            XCTAssertNil(row.r2Interval)
        }
    }

    /// A larger multi-class case, shaped like Fashion-MNIST (10 classes, correlated,
    /// quantised pixels): scikit-learn's default fit stops at its iteration cap on most
    /// refits, short of the optimum; gsel's evaluation reports what it reports. The rows
    /// do not depend on the thread count.
    func testMulticlassEvaluationOnImageLikeDataMatchesScikitLearnDefaults() throws {
        let p = 60
        let (x, codes) = TestMatrices.imageLike(rows: 6000, columns: p, classes: 10, seed: 91)
        let target = Target.classes(codes: codes, names: TestMatrices.classNames(10))
        // 1500 validation samples: one sample is 6.7e-4 of accuracy.
        let split = try StratifiedSplit(target: target, validationFraction: 0.25, seed: 5)
        let train = StandardizedData(matrix: x, rows: split.train)
        let validation = StandardizedData(matrix: x, rows: split.validation, statisticsOf: train)
        let trainTarget = target.subset(split.train), validationTarget = target.subset(split.validation)
        let marginal = Array(try MarginalSelector().select(train, target: trainTarget, k: 40).features)
        let everyThird = Array(stride(from: 0, to: p, by: 3)) + Array(stride(from: 1, to: p, by: 3)).prefix(20)
        let orders: KeyValuePairs = ["marginal": marginal, "every-third-pixel": Array(everyThird)]
        let rows = try HeldOutEvaluation.evaluate(train: train, trainTarget: trainTarget, validation: validation,
                                                  validationTarget: validationTarget, orders: orders, threads: 2)
        XCTAssertEqual(rows, try HeldOutEvaluation.evaluate(train: train, trainTarget: trainTarget, validation: validation,
                                                            validationTarget: validationTarget, orders: orders, threads: 1))
        XCTAssertEqual(rows.map(\.k), [1, 2, 5, 10, 20, 40, 1, 2, 5, 10, 20, 40])
        let reference = try scikitLearnEvaluation(raw: x.values, columns: p, target: target, split: split, rows: rows,
                                                  orders: ["marginal": marginal, "every-third-pixel": Array(everyThird)])
        for (row, ref) in zip(rows, reference) {
            XCTAssertEqual(row.accuracy!, (ref["accuracy"] as! NSNumber).doubleValue, accuracy: 1e-3, "\(row)")
            XCTAssertEqual(row.balancedAccuracy!, (ref["balanced"] as! NSNumber).doubleValue, accuracy: 1e-3, "\(row)")
            XCTAssertNil(row.auroc)
        }
        let capped = reference.filter { ($0["iterations"] as! NSNumber).intValue == 100 }.count
        XCTAssertGreaterThanOrEqual(capped, 3, "the case should exercise fits that stop at the iteration cap")
        XCTAssertGreaterThan(rows[5].accuracy!, 0.5)  // the pixels carry the classes
    }

    func testRegressionEvaluationMatchesAScikitLearnPipelineAndStopsShortRankingsAtTheirLength() throws {
        let n = 160, p = 80
        let x = TestMatrices.gaussian(rows: n, columns: p, correlation: 0.4, seed: 71)
        let target = Target.values(TestMatrices.linearTarget(x, active: 6, noise: 1, seed: 71))
        let split = try StratifiedSplit(target: target, validationFraction: 0.3, seed: 3)
        let train = StandardizedData(matrix: x, rows: split.train)
        let validation = StandardizedData(matrix: x, rows: split.validation, statisticsOf: train)
        let trainTarget = target.subset(split.train)
        let omp = try OrthogonalMatchingPursuit().select(train, target: trainTarget, k: 30).features
        let short = Array(try MarginalSelector().select(train, target: trainTarget, k: 7).features)
        let rows = try HeldOutEvaluation.evaluate(train: train, trainTarget: trainTarget, validation: validation,
                                                  validationTarget: target.subset(split.validation),
                                                  orders: ["omp": omp, "marginal": short])
        XCTAssertEqual(rows.map(\.k), [1, 2, 5, 10, 20, 30, 1, 2, 5, 7])
        let reference = try scikitLearnEvaluation(raw: x.values, columns: p, target: target, split: split, rows: rows,
                                                  orders: ["omp": omp, "marginal": short])
        for (row, ref) in zip(rows, reference) {
            XCTAssertEqual(row.r2!, (ref["r2"] as! NSNumber).doubleValue, accuracy: 1e-5, "\(row)")
            XCTAssertNil(row.accuracy)
        }
        XCTAssertGreaterThan(rows[5].r2!, 0.5)  // the six planted features explain most of y
    }

    func testEvaluationRejectsAClassWithOneTrainingSample() throws {
        let x = TestMatrices.gaussian(rows: 8, columns: 3, seed: 81)
        let train = StandardizedData(matrix: x, rows: [0, 1, 2, 3, 4])
        let validation = StandardizedData(matrix: x, rows: [5, 6, 7], statisticsOf: train)
        let names = ["ALL", "AML"]
        XCTAssertThrowsError(try HeldOutEvaluation.evaluate(
            train: train, trainTarget: .classes(codes: [0, 0, 0, 0, 1], names: names),
            validation: validation, validationTarget: .classes(codes: [0, 1, 1], names: names),
            orders: ["marginal": [0, 1]])) { error in
            XCTAssertTrue((error as? InputError)?.message.contains("'AML' (1 sample)") == true, "\(error)")
        }
    }
}
