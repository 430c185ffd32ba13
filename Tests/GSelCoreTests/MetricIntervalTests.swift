import XCTest
@testable import GSelCore

/// 95 % intervals of the held-out metrics: Wilson for accuracy, a stratified percentile
/// bootstrap of the validation predictions for the others, and the paired difference.
final class MetricIntervalTests: XCTestCase {
    func testWilsonMatchesStatsmodels() throws {
        // statsmodels 0.15.0: proportion_confint(correct, total, alpha=0.05, method='wilson'),
        // computed once with python3 and written here.
        let expected: [(correct: Int, total: Int, low: Double, high: Double)] = [
            (8, 8, 0.6755924351161198, 1.0),
            (7, 8, 0.5291118177871466, 0.9775825085499434),
            (0, 10, 0.0, 0.27753279986288926),
            (11, 12, 0.646120088858883, 0.9851349055950829),
            (45, 50, 0.7863976856252034, 0.9565242350681095),
            (1, 1, 0.2065493143772374, 1.0),
            (50, 100, 0.4038315303659956, 0.5961684696340044),
            (3, 17, 0.061911266376209945, 0.4102945856883413),
        ]
        for e in expected {
            let interval = try XCTUnwrap(Metrics.wilson(correct: e.correct, total: e.total))
            XCTAssertEqual(interval.low, e.low, accuracy: 1e-12, "\(e)")
            XCTAssertEqual(interval.high, e.high, accuracy: 1e-12, "\(e)")
        }
        XCTAssertNil(Metrics.wilson(correct: 0, total: 0))
    }

    func testQuantileInterpolatesLikeNumpyPercentile() {
        // numpy.percentile([0.3, 0.1, 0.9, 0.5, 0.7, 0.2, 0.8], [2.5, 97.5, 50, 10]) = [0.115, 0.885, 0.5, 0.16]
        let sorted = [0.3, 0.1, 0.9, 0.5, 0.7, 0.2, 0.8].sorted()
        XCTAssertEqual(Metrics.quantile(sorted: sorted, 0.025), 0.115, accuracy: 1e-12)
        XCTAssertEqual(Metrics.quantile(sorted: sorted, 0.975), 0.885, accuracy: 1e-12)
        XCTAssertEqual(Metrics.quantile(sorted: sorted, 0.5), 0.5, accuracy: 1e-12)
        XCTAssertEqual(Metrics.quantile(sorted: sorted, 0.1), 0.16, accuracy: 1e-12)
        XCTAssertEqual(Metrics.percentileInterval([.nan, 0.4, .nan]), MetricInterval(low: 0.4, high: 0.4))
        XCTAssertNil(Metrics.percentileInterval([.nan]))
    }

    /// A resample scored through its draw counts gives what `Metrics` gives on the resample written out.
    func testWeightedScoresEqualMetricsOnTheResampleWrittenOut() throws {
        var g = SeededGenerator(seed: 3)
        let binary = Self.binary(n: 60, accuracy: 0.75, seed: 5, tiedScores: true)
        let multiclass = HeldOutPredictions.classes(truth: (0 ..< 50).map { Int32($0 % 3) },
                                                    predicted: (0 ..< 50).map { _ in Int32(g.next() % 3) }, positiveScores: nil)
        let regression = Self.regression(n: 40, noise: 0.7, seed: 6)
        for predictions in [binary, multiclass, regression] {
            let scorer = BootstrapScorer(predictions)
            for _ in 0 ..< 20 {
                let weights = scorer.draw(using: &g)
                XCTAssertEqual(weights.reduce(0, +), predictions.count)
                let drawn = weights.indices.flatMap { [Int](repeating: $0, count: weights[$0]) }
                switch predictions {
                case .classes(let truth, let predicted, let scores):
                    let t = drawn.map { truth[$0] }, p = drawn.map { predicted[$0] }
                    // Stratified: every class keeps its count.
                    for c in Set(truth) { XCTAssertEqual(t.filter { $0 == c }.count, truth.filter { $0 == c }.count) }
                    XCTAssertEqual(try XCTUnwrap(scorer.score(.accuracy, weights)), Metrics.accuracy(truth: t, predicted: p), accuracy: 1e-12)
                    XCTAssertEqual(try XCTUnwrap(scorer.score(.balancedAccuracy, weights)),
                                   Metrics.balancedAccuracy(truth: t, predicted: p), accuracy: 1e-12)
                    if let scores {
                        XCTAssertEqual(try XCTUnwrap(scorer.score(.auroc, weights)),
                                       try XCTUnwrap(Metrics.auroc(positive: t.map { $0 == 1 }, scores: drawn.map { scores[$0] })), accuracy: 1e-12)
                    } else {
                        XCTAssertNil(scorer.score(.auroc, weights))
                    }
                    XCTAssertNil(scorer.score(.r2, weights))
                case .values(let truth, let predicted):
                    XCTAssertEqual(try XCTUnwrap(scorer.score(.r2, weights)),
                                   Metrics.r2(truth: drawn.map { truth[$0] }, predicted: drawn.map { predicted[$0] }), accuracy: 1e-12)
                    XCTAssertNil(scorer.score(.accuracy, weights))
                }
            }
        }
    }

    /// Intervals contain the estimate, narrow as the validation set grows (proportions about
    /// as 1/√n; R² faster at first, its small-sample tail is long) and have the width the
    /// normal approximation predicts.
    func testBootstrapIntervalsContainTheEstimateAndNarrowAsNGrows() throws {
        var widths: [HeldOutMetric: [Double]] = [:]
        for n in [20, 80, 320] {
            let rows = [EvaluationRow(method: "sa", k: 5, predictions: Self.binary(n: n, accuracy: 0.8, seed: UInt64(n), tiedScores: false)),
                        EvaluationRow(method: "sa", k: 5, predictions: Self.regression(n: n, noise: 0.8, seed: UInt64(n)))]
            for row in rows {
                for metric in HeldOutMetric.allCases {
                    guard let value = row.value(metric) else { XCTAssertNil(row.interval(metric)); continue }
                    let interval = try XCTUnwrap(row.interval(metric), "\(metric) at n = \(n)")
                    XCTAssertTrue(interval.contains(value), "\(metric) \(value) outside \(interval) at n = \(n)")
                    widths[metric, default: []].append(interval.width)
                }
            }
        }
        XCTAssertEqual(Set(widths.keys), Set(HeldOutMetric.allCases))
        for (metric, w) in widths {
            XCTAssertGreaterThan(w[0], w[1], "\(metric): \(w)"); XCTAssertGreaterThan(w[1], w[2], "\(metric): \(w)")
            if metric != .r2 { XCTAssertEqual(w[0] / w[2], 4, accuracy: 1.6, "\(metric) should narrow about as 1/√n: \(w)") }
        }
        // Balanced accuracy near 0.8 on 320 samples: 2 · 1.96 · √(0.8 · 0.2 / 320) ≈ 0.088.
        XCTAssertEqual(widths[.balancedAccuracy]![2], 0.088, accuracy: 0.02)
        XCTAssertEqual(widths[.accuracy]![2], 0.088, accuracy: 0.01)
    }

    func testPerfectPredictionsGiveDegenerateBootstrapIntervals() throws {
        let truth: [Int32] = [0, 0, 0, 1, 1, 1, 1, 0]
        let row = EvaluationRow(method: "gsel-sa", k: 1, predictions: .classes(
            truth: truth, predicted: truth, positiveScores: truth.map { $0 == 1 ? 0.9 : 0.2 }))
        XCTAssertEqual(row.balancedAccuracyInterval, MetricInterval(low: 1, high: 1))
        XCTAssertEqual(row.aurocInterval, MetricInterval(low: 1, high: 1))
        // Accuracy's Wilson interval is not degenerate: 8 of 8 is compatible with 0.68.
        XCTAssertEqual(try XCTUnwrap(row.accuracyInterval).low, 0.6755924351161198, accuracy: 1e-12)
        let exact = EvaluationRow(method: "omp", k: 3, predictions: .values(truth: [1, 2, 4, 8], predicted: [1, 2, 4, 8]))
        XCTAssertEqual(exact.r2Interval, MetricInterval(low: 1, high: 1))
    }

    func testIntervalsAreDeterministicPerMethodAndK() {
        let predictions = Self.binary(n: 40, accuracy: 0.7, seed: 8, tiedScores: false)
        let row = EvaluationRow(method: "gsel-sa", k: 5, predictions: predictions)
        XCTAssertEqual(row, EvaluationRow(method: "gsel-sa", k: 5, predictions: predictions))
        // Another method or k' draws another stream: the same predictions give other bounds.
        for other in [EvaluationRow(method: "marginal", k: 5, predictions: predictions),
                      EvaluationRow(method: "gsel-sa", k: 10, predictions: predictions)] {
            XCTAssertEqual(other.balancedAccuracy, row.balancedAccuracy)
            XCTAssertNotEqual([other.balancedAccuracyInterval, other.aurocInterval], [row.balancedAccuracyInterval, row.aurocInterval])
        }
    }

    func testPairedDifference() throws {
        // Identical predictions: the difference is exactly 0 on every resample.
        let same = Self.binary(n: 30, accuracy: 0.8, seed: 2, tiedScores: false)
        let zero = try XCTUnwrap(HeldOutBootstrap.difference(EvaluationRow(method: "a", k: 5, predictions: same),
                                                             EvaluationRow(method: "b", k: 5, predictions: same), metric: .balancedAccuracy))
        XCTAssertEqual(zero.difference, 0)
        XCTAssertEqual(zero.interval, MetricInterval(low: 0, high: 0))
        // 8 of 8 against 7 of 8: not separable on 8 samples.
        let truth: [Int32] = [0, 0, 0, 0, 1, 1, 1, 1]
        var oneWrong = truth; oneWrong[5] = 0
        let small = try XCTUnwrap(HeldOutBootstrap.difference(
            EvaluationRow(method: "gsel-sa", k: 1, predictions: .classes(truth: truth, predicted: truth, positiveScores: nil)),
            EvaluationRow(method: "marginal", k: 1, predictions: .classes(truth: truth, predicted: oneWrong, positiveScores: nil)),
            metric: .balancedAccuracy))
        XCTAssertEqual(small.difference, 0.125, accuracy: 1e-12)
        // The difference is (draws of the wrong sample among the 4 of its class) / 8: it is drawn
        // never with probability (3/4)⁴ = 0.32 and 3 or more times with probability 0.051.
        XCTAssertEqual(small.interval, MetricInterval(low: 0, high: 0.375))
        // 0.9 against 0.6 accuracy on 400 samples: clearly separable.
        let good = Self.binary(n: 400, accuracy: 0.9, seed: 11, tiedScores: false)
        let poor = Self.binary(n: 400, accuracy: 0.6, seed: 12, tiedScores: false)
        let large = try XCTUnwrap(HeldOutBootstrap.difference(EvaluationRow(method: "gsel-sa", k: 5, predictions: good),
                                                              EvaluationRow(method: "marginal", k: 5, predictions: poor), metric: .balancedAccuracy))
        XCTAssertGreaterThan(large.interval.low, 0.2, "\(large)")
        XCTAssertLessThan(large.interval.high, 0.4, "\(large)")
        XCTAssertTrue(large.interval.contains(large.difference))
        // Different validation truths cannot be paired.
        XCTAssertNil(HeldOutBootstrap.difference(EvaluationRow(method: "a", k: 1, predictions: good),
                                                 EvaluationRow(method: "b", k: 1, predictions: same), metric: .balancedAccuracy))
    }

    /// Two balanced classes (truth alternating by sample, the same for every seed), each
    /// prediction right with probability `accuracy`, scores that rank the positives higher.
    static func binary(n: Int, accuracy: Double, seed: UInt64, tiedScores: Bool) -> HeldOutPredictions {
        let truth = (0 ..< n).map { Int32($0 % 2) }
        var g = SeededGenerator(seed: seed)
        let predicted = truth.map { g.nextUniform() < accuracy ? $0 : 1 - $0 }
        let scores = truth.map { t -> Double in
            let s = 0.5 * Double(t) + g.nextUniform()
            return tiedScores ? (s * 4).rounded() / 4 : s
        }
        return .classes(truth: truth, predicted: predicted, positiveScores: scores)
    }

    /// Truth ~ N(0, 1), predictions = truth + N(0, noise²).
    static func regression(n: Int, noise: Double, seed: UInt64) -> HeldOutPredictions {
        var g = SeededGenerator(seed: seed)
        let truth = (0 ..< n).map { _ in g.nextGaussian() }
        return .values(truth: truth, predicted: truth.map { $0 + noise * g.nextGaussian() })
    }
}
