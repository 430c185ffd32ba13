import Foundation
import XCTest
import _TestSupport
@testable import GSelCore

/// Per-class recall, precision, F1 and support, the confusion matrix and macro-F1 of the
/// held-out refits: scikit-learn's definitions with zero_division = 0.
final class ClassMetricsTests: XCTestCase {
    /// Six samples counted by hand; class 3 has no samples and is never predicted.
    func testHandCountedCase() {
        let truth: [Int32] = [0, 0, 0, 1, 1, 2], predicted: [Int32] = [0, 0, 1, 1, 2, 2]
        XCTAssertEqual(Metrics.confusion(truth: truth, predicted: predicted, classCount: 4),
                       [[2, 1, 0, 0], [0, 1, 1, 0], [0, 0, 1, 0], [0, 0, 0, 0]])
        let c = Metrics.perClass(truth: truth, predicted: predicted, classCount: 4)
        XCTAssertEqual(c.map(\.support), [3, 2, 1, 0])
        XCTAssertEqual(c.map(\.predicted), [2, 2, 2, 0])
        XCTAssertEqual(c.map(\.truePositives), [2, 1, 1, 0])
        let expected: [(recall: Double, precision: Double, f1: Double)] = [(2.0 / 3, 1, 0.8), (0.5, 0.5, 0.5), (1, 0.5, 2.0 / 3), (0, 0, 0)]
        for (got, want) in zip(c, expected) {
            XCTAssertEqual(got.recall, want.recall, accuracy: 1e-15)
            XCTAssertEqual(got.precision, want.precision, accuracy: 1e-15)
            XCTAssertEqual(got.f1, want.f1, accuracy: 1e-15)
        }
        // Macro-F1 over the classes in truth or predictions (0, 1, 2): (0.8 + 0.5 + 2/3) / 3.
        XCTAssertEqual(Metrics.macroF1(truth: truth, predicted: predicted), (0.8 + 0.5 + 2.0 / 3) / 3, accuracy: 1e-15)
        XCTAssertTrue(Metrics.macroF1(truth: [], predicted: []).isNaN)

        let row = EvaluationRow(method: "sa", k: 3, predictions: .classes(truth: truth, predicted: predicted, positiveScores: nil))
        XCTAssertEqual(row.perClass(classCount: 4), c)
        XCTAssertEqual(row.macroF1!, (0.8 + 0.5 + 2.0 / 3) / 3, accuracy: 1e-15)
        XCTAssertNotNil(row.macroF1Interval)
        let regression = EvaluationRow(method: "sa", k: 3, predictions: .values(truth: [1, 2, 3], predicted: [1, 2, 2]))
        XCTAssertNil(regression.perClass(classCount: 4))
        XCTAssertNil(regression.macroF1)
        XCTAssertNil(regression.macroF1Interval)
    }

    /// Against `precision_recall_fscore_support(labels=range(6), zero_division=0)`,
    /// `confusion_matrix` and `f1_score(average='macro')`: 5 true classes, one never
    /// predicted (4) and one predicted but never true (5).
    func testMatchesScikitLearn() throws {
        var g = SeededGenerator(seed: 22)
        let n = 300
        let truth = (0 ..< n).map { _ in Int32(g.next() % 5) }
        let predicted = truth.map { t -> Int32 in
            let p = g.nextUniform() < 0.55 ? t : Int32(g.next() % 6)
            return p == 4 ? 3 : p
        }
        let dir = try TemporaryDirectory()
        let input: [String: Any] = ["truth": truth.map(Int.init), "predicted": predicted.map(Int.init)]
        try JSONSerialization.data(withJSONObject: input).write(to: URL(fileURLWithPath: dir.path("in.json")))
        let out = try PythonOracle.run("""
            import json
            from sklearn.metrics import precision_recall_fscore_support, f1_score, confusion_matrix
            d = json.load(open("in.json"))
            p, r, f, s = precision_recall_fscore_support(d["truth"], d["predicted"], labels=list(range(6)), zero_division=0)
            print(json.dumps({"precision": p.tolist(), "recall": r.tolist(), "f1": f.tolist(), "support": s.tolist(),
                              "macro_f1": f1_score(d["truth"], d["predicted"], average="macro", zero_division=0),
                              "confusion": confusion_matrix(d["truth"], d["predicted"], labels=list(range(6))).tolist()}))
            """, in: dir) as! [String: Any]
        let c = Metrics.perClass(truth: truth, predicted: predicted, classCount: 6)
        XCTAssertEqual(c.map(\.support), (out["support"] as! [Any]).ints)
        for (name, values) in [("precision", c.map(\.precision)), ("recall", c.map(\.recall)), ("f1", c.map(\.f1))] {
            for (a, b) in zip(values, (out[name] as! [Any]).doubles) { XCTAssertEqual(a, b, accuracy: 1e-12, name) }
        }
        XCTAssertEqual(c[4].precision, 0, "never predicted: zero_division = 0")
        XCTAssertEqual(c[5].recall, 0, "never true: zero_division = 0")
        XCTAssertEqual(Metrics.macroF1(truth: truth, predicted: predicted), (out["macro_f1"] as! NSNumber).doubleValue, accuracy: 1e-12)
        XCTAssertEqual(Metrics.confusion(truth: truth, predicted: predicted, classCount: 6), (out["confusion"] as! [[Any]]).map(\.ints))
    }

    /// The bootstrap scores macro-F1 of a resample given as weights exactly as `Metrics`
    /// scores the resample written out.
    func testBootstrapMacroF1IsTheResampleWrittenOut() {
        var g = SeededGenerator(seed: 7)
        let truth = (0 ..< 60).map { _ in Int32(g.next() % 4) }
        let predicted = truth.map { g.nextUniform() < 0.6 ? $0 : Int32(g.next() % 4) }
        let scorer = BootstrapScorer(.classes(truth: truth, predicted: predicted, positiveScores: nil))
        for _ in 0 ..< 20 {
            let weights = scorer.draw(using: &g)
            let drawn = truth.indices.flatMap { [Int](repeating: $0, count: weights[$0]) }
            let expected = Metrics.macroF1(truth: drawn.map { truth[$0] }, predicted: drawn.map { predicted[$0] })
            XCTAssertEqual(scorer.score(.macroF1, weights)!, expected, accuracy: 1e-12)
        }
    }
}
