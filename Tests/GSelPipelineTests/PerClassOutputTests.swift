import Foundation
import GSelCore
import GSelIO
import GSelPipeline
import XCTest
import _TestSupport

/// evaluation_per_class.tsv, run.json's `per_class` and the report's confusion matrix on
/// pbmc68k_reduced's 10 cell types; a regression run into the same folder leaves no
/// per-class table behind.
final class PerClassOutputTests: XCTestCase {
    static let pbmc = GSelProcess.testData("pbmc68k/pbmc68k_reduced.h5ad")

    static func parameters(task: TaskKind = .classification) -> RunParameters {
        var input = InputParameters(path: pbmc)
        if task == .classification {
            input.labelKey = "bulk_labels"
        } else {
            // The louvain cluster number as a (meaningless but numeric) trait.
            input.labels = GSelProcess.testData("pbmc68k/pbmc68k_reduced.labels.tsv")
            input.labelColumn = "louvain"
            input.task = .regression
        }
        var selection = SelectionParameters(k: 10)
        selection.repeats = 0
        return RunParameters(input: input, selection: selection)
    }

    func testPerClassTableRunRecordAndReportOnTenCellTypes() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        let summary = try Pipeline.select(Self.parameters(), out: out, execution: GolubRun.execution)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let labels = try XCTUnwrap(json["labels"] as? [String: Any])
        let classes = try XCTUnwrap(labels["class_counts"] as? [String: Int])
        let held = try XCTUnwrap(labels["validation_samples"] as? Int)
        XCTAssertEqual(classes.count, 10)
        XCTAssertEqual(held, 140)

        let header = try String(contentsOfFile: out + "/" + RunOutputs.perClassFileName, encoding: .utf8).split(separator: "\n")[0]
        XCTAssertEqual(header, "method\tk\tclass\tsupport\tpredicted\trecall\tprecision\tf1")
        let table = try OutputFiles.tsv(out + "/" + RunOutputs.perClassFileName)
        let evaluation = try OutputFiles.tsv(out + "/evaluation.tsv")
        XCTAssertEqual(table.count, evaluation.count * 10, "one row per evaluation row and class")
        for e in evaluation {
            let rows = table.filter { $0["method"] == e["method"] && $0["k"] == e["k"] }
            XCTAssertEqual(Set(rows.map { $0["class"]! }), Set(classes.keys), "\(e)")
            XCTAssertEqual(rows.map { Int($0["support"]!)! }.reduce(0, +), held, "supports sum to the held-out count")
            XCTAssertEqual(rows.map { Int($0["predicted"]!)! }.reduce(0, +), held, "every held-out sample is predicted once")
            for r in rows {
                for name in ["recall", "precision", "f1"] {
                    let v = try XCTUnwrap(Double(r[name]!), "\(name) in \(r)")
                    XCTAssertTrue(v >= 0 && v <= 1, "\(name) \(v) in \(r)")
                }
            }
            // Balanced accuracy is the mean recall over classes with held-out samples; macro-F1
            // the mean F1 over classes held out or predicted.
            let present = rows.filter { Int($0["support"]!)! > 0 }
            let meanRecall = present.map { Double($0["recall"]!)! }.reduce(0, +) / Double(present.count)
            XCTAssertEqual(meanRecall, Double(e["balanced_accuracy"]!)!, accuracy: 2e-3)
            let seen = rows.filter { Int($0["support"]!)! + Int($0["predicted"]!)! > 0 }
            let meanF1 = seen.map { Double($0["f1"]!)! }.reduce(0, +) / Double(seen.count)
            XCTAssertEqual(meanF1, Double(e["macro_f1"]!)!, accuracy: 2e-3)
        }
        // The new metric comes after the columns evaluation.tsv had.
        let evaluationHeader = try String(contentsOfFile: out + "/evaluation.tsv", encoding: .utf8).split(separator: "\n")[0]
        XCTAssertTrue(evaluationHeader.hasPrefix("method\tk\taccuracy\t"))
        XCTAssertTrue(evaluationHeader.hasSuffix("\tr2_high\tmacro_f1\tmacro_f1_low\tmacro_f1_high"))

        // run.json: each method at k, its classes' numbers in full.
        let perClass = try XCTUnwrap(json["per_class"] as? [[String: Any]])
        XCTAssertEqual(perClass.map { $0["method"] as? String }, ["gsel-sa", "marginal"])
        for m in perClass {
            XCTAssertEqual(m["k"] as? Int, 10)
            let list = try XCTUnwrap(m["classes"] as? [[String: Any]])
            XCTAssertEqual(list.compactMap { $0["class"] as? String }, summary.run.input.classCounts.map(\.name))
            XCTAssertEqual(list.compactMap { $0["support"] as? Int }.reduce(0, +), held)
            let row = try XCTUnwrap(summary.result.evaluation.first { $0.method == m["method"] as? String && $0.k == 10 })
            let expected = try XCTUnwrap(row.perClass(classCount: 10))
            // In full (Foundation's parser may miss the last bit).
            let recalls = list.compactMap { ($0["recall"] as? NSNumber)?.doubleValue }
            XCTAssertEqual(recalls.count, 10)
            for (a, b) in zip(recalls, expected.map(\.recall)) { XCTAssertEqual(a, b, accuracy: 1e-15) }
        }
        let outputs = try XCTUnwrap(json["outputs"] as? [String])
        XCTAssertTrue(outputs.contains(RunOutputs.perClassFileName))

        // The report: a confusion matrix of 10 x 10 counts summing to the held-out count, and
        // the summary names the worst-recalled classes.
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        let start = try XCTUnwrap(html.range(of: "<table class=\"confusion\">"))
        let end = try XCTUnwrap(html.range(of: "</table>", range: start.upperBound ..< html.endIndex))
        let confusion = String(html[start.lowerBound ..< end.upperBound])
        XCTAssertEqual(confusion.components(separatedBy: "<tr>").count - 1, 11, "header and 10 classes")
        let cells = confusion.components(separatedBy: "title=\"").dropFirst().compactMap { piece -> Int? in
            guard let close = piece.range(of: "\">"), let stop = piece.range(of: "</td>") else { return nil }
            return Int(piece[close.upperBound ..< stop.lowerBound])
        }
        XCTAssertEqual(cells.count, 100)
        XCTAssertEqual(cells.reduce(0, +), held)
        XCTAssertTrue(html.contains("separates <em>"), "the summary names the weakest classes")
    }

    func testRegressionWritesNoPerClassTableAndRemovesAStaleOne() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "method\tk\tclass\n".write(toFile: out + "/" + RunOutputs.perClassFileName, atomically: true, encoding: .utf8)
        try Pipeline.select(Self.parameters(task: .regression), out: out, execution: GolubRun.execution)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/" + RunOutputs.perClassFileName))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        XCTAssertTrue(json["per_class"] is NSNull)
        XCTAssertFalse(try XCTUnwrap(json["outputs"] as? [String]).contains(RunOutputs.perClassFileName))
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        XCTAssertFalse(html.contains("class=\"confusion\""))
        let evaluation = try OutputFiles.tsv(out + "/evaluation.tsv")
        XCTAssertTrue(evaluation.allSatisfy { $0["macro_f1"] == "NA" && $0["r2"] != "NA" })
    }
}
