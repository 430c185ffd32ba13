import Foundation
import GSelCore
import GSelIO
import GSelPipeline
import XCTest
import _TestSupport

/// The result files: tables that pandas and R read as they are, a run record that holds
/// the parameters, and an --out that cannot be written is refused before any work.
final class OutputTests: XCTestCase {
    func testTablesOpenInPandasAndRAsTheyAre() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        let summary = try Pipeline.select(GolubRun.parameters(repeats: 2), out: out, execution: GolubRun.execution)
        let tables = ["ranking.tsv": 5, "selection_path.tsv": 5, "evaluation.tsv": summary.result.evaluation.count]
        for (name, rows) in tables {
            let text = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
            XCTAssertFalse(text.hasPrefix("#"), "\(name) starts with its header")
            let pandas = try GSelProcess.run(GSelProcess.python, ["-c", """
                import sys, pandas as pd
                df = pd.read_csv(sys.argv[1], sep="\\t")
                print(len(df), len(df.columns), "|".join(df.columns))
                """, out + "/" + name])
            XCTAssertEqual(pandas.status, 0, pandas.stderr)
            let header = text.split(separator: "\n")[0].split(separator: "\t")
            XCTAssertEqual(pandas.stdout, "\(rows) \(header.count) \(header.joined(separator: "|"))\n", name)
            let r = try GSelProcess.run("Rscript", ["-e", "d <- read.delim(commandArgs(TRUE)[1]); cat(nrow(d), ncol(d), paste(names(d), collapse='|'))",
                                                    out + "/" + name])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stdout, "\(rows) \(header.count) \(header.joined(separator: "|"))", name)
        }
        // People-facing numbers have 4 significant digits.
        let ranking = try OutputFiles.tsv(out + "/ranking.tsv")
        for row in ranking {
            for column in ["mean_selection_order", "attention_weight"] {
                let mantissa = row[column]!.split(separator: "e")[0]
                let digits = mantissa.filter(\.isNumber).drop { $0 == "0" }
                XCTAssertEqual(digits.count, 4, "\(column) \(row[column]!)")
            }
        }
    }

    func testRunRecordHoldsTheParametersAndThePlan() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        try Pipeline.select(GolubRun.parameters(repeats: 2), out: out, execution: GolubRun.execution)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let parameters = try XCTUnwrap(json["parameters"] as? [String: Any])
        XCTAssertEqual((parameters["selection"] as? [String: Any])?["k"] as? Int, 5)
        XCTAssertEqual((parameters["input"] as? [String: Any])?["label_column"] as? String, "label")
        let plan = try XCTUnwrap(json["training_plan_per_fit"] as? [String: Any])
        // Golub halves of the 30 training samples: 15 each, one batch per epoch, so the shared scale.
        XCTAssertEqual(plan["batch_size"] as? Int, 15)
        XCTAssertEqual(plan["logit_optimizer"] as? String, "shared-scale")
        // The manifest of the fits holds the same parameters.
        let manifest = try RunManifest.decode(path: out + "/fits/manifest.json")
        XCTAssertEqual(manifest.parameters, GolubRun.parameters(repeats: 2))
    }

    /// With `--method marginal` or `omp` the score is titled and explained as what it is.
    func testScoreColumnIsNamedByMethod() throws {
        let dir = try TemporaryDirectory()
        for (method, column, title) in [(SelectionMethod.marginal, "f_statistic", "F statistic"),
                                        (.omp, "residual_correlation", "Residual correlation")] {
            let out = dir.path(method.rawValue)
            try Pipeline.select(GolubRun.parameters(repeats: 1, method: method), out: out, execution: GolubRun.execution)
            let header = try String(contentsOfFile: out + "/ranking.tsv", encoding: .utf8).split(separator: "\n")[0]
            XCTAssertTrue(header.split(separator: "\t").contains(Substring(column)), "\(header)")
            let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
            XCTAssertTrue(report.contains(">\(title)</th>"), "\(method): no \(title) column")
            XCTAssertFalse(report.contains("Attention weight"), "\(method): the report still speaks of attention weights")
        }
    }

    func testUnwritableOutIsRefusedBeforeAnyWork() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("a-file", "x")
        for out in [file, file + "/sub"] {
            let message = GolubRun.error { try Pipeline.select(GolubRun.parameters(), out: out, execution: GolubRun.execution) }
            XCTAssertTrue(message?.contains(file) == true && message?.contains("--out") == true, message ?? "no error")
        }
    }
}
