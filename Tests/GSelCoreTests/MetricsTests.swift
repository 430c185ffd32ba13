import Foundation
import GSelCore
import XCTest
import _TestSupport

final class MetricsTests: XCTestCase {
    func testMetricsMatchScikitLearn() throws {
        var g = SeededGenerator(seed: 41)
        let n = 200
        // Classification: 4 classes, predictions right 60% of the time; a second set
        // predicts a class (7) that never occurs in the truth.
        let truth = (0 ..< n).map { _ in Int32(g.next() % 4) }
        let predicted = truth.map { t in g.nextUniform() < 0.6 ? t : Int32(g.next() % 4) }
        let predictedOther = truth.map { t in g.nextUniform() < 0.5 ? t : 7 }
        // AUROC: continuous scores, and scores rounded to one decimal (many ties).
        let positive = (0 ..< n).map { _ in g.nextUniform() < 0.35 }
        let scores = positive.map { ($0 ? 0.4 : 0) + g.nextUniform() }
        let tied = scores.map { ($0 * 10).rounded() / 10 }
        // R²: noisy predictions, and a constant truth.
        let values = (0 ..< n).map { _ in 3 + 2 * g.nextGaussian() }
        let fitted = values.map { $0 + g.nextGaussian() }
        let constant = [Double](repeating: 1.5, count: 10)

        let dir = try TemporaryDirectory()
        let input: [String: Any] = [
            "truth": truth.map(Int.init), "predicted": predicted.map(Int.init),
            "predicted_other": predictedOther.map(Int.init),
            "positive": positive, "scores": scores, "tied": tied,
            "values": values, "fitted": fitted, "constant": constant,
        ]
        try JSONSerialization.data(withJSONObject: input).write(to: URL(fileURLWithPath: dir.path("in.json")))
        let raw = try PythonOracle.run("""
            import json, warnings
            from sklearn.metrics import accuracy_score, balanced_accuracy_score, roc_auc_score, r2_score
            d = json.load(open("in.json"))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                print(json.dumps({
                    "accuracy": accuracy_score(d["truth"], d["predicted"]),
                    "balanced": balanced_accuracy_score(d["truth"], d["predicted"]),
                    "balanced_other": balanced_accuracy_score(d["truth"], d["predicted_other"]),
                    "auc": roc_auc_score(d["positive"], d["scores"]),
                    "auc_tied": roc_auc_score(d["positive"], d["tied"]),
                    "r2": r2_score(d["values"], d["fitted"]),
                    "r2_constant_exact": r2_score(d["constant"], d["constant"]),
                    "r2_constant_off": r2_score(d["constant"], [v + 0.1 for v in d["constant"]]),
                }))
            """, in: dir) as! [String: Any]
        let out = raw.mapValues { ($0 as! NSNumber).doubleValue }

        XCTAssertEqual(Metrics.accuracy(truth: truth, predicted: predicted), out["accuracy"]!, accuracy: 1e-12)
        XCTAssertEqual(Metrics.balancedAccuracy(truth: truth, predicted: predicted), out["balanced"]!, accuracy: 1e-12)
        XCTAssertEqual(Metrics.balancedAccuracy(truth: truth, predicted: predictedOther), out["balanced_other"]!, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(Metrics.auroc(positive: positive, scores: scores)), out["auc"]!, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(Metrics.auroc(positive: positive, scores: tied)), out["auc_tied"]!, accuracy: 1e-12)
        XCTAssertEqual(Metrics.r2(truth: values, predicted: fitted), out["r2"]!, accuracy: 1e-12)
        XCTAssertEqual(Metrics.r2(truth: constant, predicted: constant), out["r2_constant_exact"]!)
        XCTAssertEqual(Metrics.r2(truth: constant, predicted: constant.map { $0 + 0.1 }), out["r2_constant_off"]!)
    }

    func testAurocIsUndefinedWithOneGroup() {
        XCTAssertNil(Metrics.auroc(positive: [true, true, true], scores: [0.1, 0.5, 0.9]))
        XCTAssertNil(Metrics.auroc(positive: [false, false], scores: [0.1, 0.5]))
    }
}
