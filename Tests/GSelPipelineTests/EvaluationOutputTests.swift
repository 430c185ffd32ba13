import Foundation
import GSelCore
import GSelPipeline
import XCTest
import _TestSupport

/// evaluation.tsv and run.json give every held-out metric with its 95 % interval, and
/// run.json and the report say whether the held-out samples tell gsel from the baseline.
final class EvaluationOutputTests: XCTestCase {
    func testEvaluationTableAndRunRecordCarryTheIntervals() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        let summary = try Pipeline.select(GolubRun.parameters(repeats: 1), out: out, execution: GolubRun.execution)
        let header = try String(contentsOfFile: out + "/evaluation.tsv", encoding: .utf8).split(separator: "\n")[0]
        XCTAssertEqual(header, "method\tk\taccuracy\taccuracy_low\taccuracy_high\tbalanced_accuracy\tbalanced_accuracy_low\t"
            + "balanced_accuracy_high\tauroc\tauroc_low\tauroc_high\tr2\tr2_low\tr2_high\tmacro_f1\tmacro_f1_low\tmacro_f1_high")
        let table = try OutputFiles.tsv(out + "/evaluation.tsv")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let metrics = try XCTUnwrap(json["metrics"] as? [[String: Any]])
        let rows = summary.result.evaluation
        XCTAssertEqual(table.count, rows.count)
        XCTAssertEqual(metrics.count, rows.count)
        // Golub with the default 20 % held out: 8 validation samples, 5 ALL and 3 AML.
        let n = try XCTUnwrap((json["labels"] as? [String: Any])?["validation_samples"] as? Int)
        XCTAssertEqual(n, 8)
        for (i, row) in rows.enumerated() {
            let correct = Int((row.accuracy! * Double(n)).rounded())
            XCTAssertEqual(row.accuracyInterval, Metrics.wilson(correct: correct, total: n), "\(row.method) \(row.k)")
            for metric in HeldOutMetric.allCases {
                let name = metric.rawValue
                guard let value = row.value(metric) else {
                    XCTAssertEqual([table[i][name], table[i][name + "_low"], table[i][name + "_high"]], ["NA", "NA", "NA"])
                    XCTAssertTrue(metrics[i][name + "_low"] is NSNull)
                    continue
                }
                let interval = try XCTUnwrap(row.interval(metric), "\(name) of \(row.method) at \(row.k)")
                XCTAssertTrue(interval.contains(value), "\(name) \(value) outside \(interval)")
                // Same 4 significant digits as the metric; run.json in full (Foundation's parser may miss the last bit).
                XCTAssertEqual(table[i][name + "_low"], NumberTextProbe.fourDigits(interval.low))
                XCTAssertEqual(table[i][name + "_high"], NumberTextProbe.fourDigits(interval.high))
                XCTAssertEqual(try XCTUnwrap(metrics[i][name + "_low"] as? Double), interval.low, accuracy: 1e-15)
                XCTAssertEqual(try XCTUnwrap(metrics[i][name + "_high"] as? Double), interval.high, accuracy: 1e-15)
            }
            XCTAssertEqual(Array(metrics[i].keys).count, 17)
        }
        // Wilson score intervals (z = 1.96) of 8, 7 and 6 right of 8, written by hand: 8/8 is
        // 0.6756–1 (statsmodels proportion_confint(8, 8, method='wilson')), 7/8 0.5291–0.9776,
        // 6/8 0.4093–0.9285.
        let references = ["1.000": ("0.6756", "1.000", "0.68–1.00"), "0.8750": ("0.5291", "0.9776", "0.53–0.98"),
                          "0.7500": ("0.4093", "0.9285", "0.41–0.93")]
        for row in table {
            let reference = try XCTUnwrap(references[row["accuracy"]!], "8 held-out samples: \(row["accuracy"]!) is not 6, 7 or 8 of 8")
            XCTAssertEqual(row["accuracy_low"], reference.0)
            XCTAssertEqual(row["accuracy_high"], reference.1)
        }
        let intervals = try XCTUnwrap(json["metric_intervals"] as? [String: Any])
        XCTAssertEqual(intervals["level"] as? Double, 0.95)

        // The comparison at k = 5: gsel − marginal, paired on the same 8 samples.
        let comparison = try XCTUnwrap(json["held_out_comparison"] as? [String: Any])
        XCTAssertEqual(comparison["method"] as? String, "gsel-sa")
        XCTAssertEqual(comparison["baseline"] as? String, "marginal")
        XCTAssertEqual(comparison["k"] as? Int, 5)
        XCTAssertEqual(comparison["metric"] as? String, "balanced_accuracy")
        XCTAssertEqual(comparison["validation_samples"] as? Int, 8)
        let gsel = try XCTUnwrap(rows.first { $0.method == "gsel-sa" && $0.k == 5 })
        let marginal = try XCTUnwrap(rows.first { $0.method == "marginal" && $0.k == 5 })
        let difference = try XCTUnwrap(comparison["difference"] as? Double)
        XCTAssertEqual(difference, gsel.balancedAccuracy! - marginal.balancedAccuracy!, accuracy: 1e-12)
        let low = try XCTUnwrap(comparison["difference_low"] as? Double), high = try XCTUnwrap(comparison["difference_high"] as? Double)
        XCTAssertLessThanOrEqual(low, high)
        XCTAssertEqual(comparison["separated"] as? Bool, !(low <= 0 && 0 <= high))
        // On 8 samples one misclassification moves balanced accuracy by 1/6 or more: nothing separates.
        XCTAssertEqual(comparison["separated"] as? Bool, false)
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        XCTAssertTrue(report.contains("The held-out set (8 samples) is too small to tell gsel's top 5 from the baseline's"))
        let shown = try XCTUnwrap(references[try XCTUnwrap(table.first { $0["method"] == "gsel-sa" && $0["k"] == "5" })["accuracy"]!])
        XCTAssertTrue(report.contains("(95 % CI \(shown.2))"), "the accuracy column shows gsel's accuracy at k = 5 with its Wilson interval")
    }

    /// With `--method marginal` gsel's ranking is the baseline: nothing to compare.
    func testNoComparisonWhenTheMethodIsTheBaseline() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        try Pipeline.select(GolubRun.parameters(repeats: 1, method: .marginal), out: out, execution: GolubRun.execution)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        XCTAssertTrue(json["held_out_comparison"] is NSNull)
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        XCTAssertFalse(report.contains("held-out set ("))
    }
}

/// evaluation.tsv's number text, written out independently of the writer: 4 significant
/// digits in plain notation for the [0, 1] range of the metrics.
enum NumberTextProbe {
    static func fourDigits(_ v: Double) -> String {
        if v == 0 { return "0" }
        let decimals = max(0, 3 - Int(floor(log10(abs(v)))))
        let text = String(format: "%.\(decimals)f", v)
        return Double(text).map { floor(log10(abs($0))) > floor(log10(abs(v))) } == true ? String(format: "%.\(max(0, decimals - 1))f", v) : text
    }
}
