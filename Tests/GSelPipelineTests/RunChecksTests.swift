import Foundation
import GSelCore
import GSelIO
import GSelPipeline
import XCTest
import _TestSupport

/// The checks a run makes once its split is known (`SelectionRun+Checks`), before any fit:
/// a regression target constant on the training split, and covariates with as many model
/// columns as a fit has samples, are refused naming the file (issue 24).
final class RunChecksTests: XCTestCase {
    private static let n = 40
    private var dir: TemporaryDirectory!
    private var matrix: String!

    override func setUpWithError() throws {
        dir = try TemporaryDirectory()
        var generator = SeededGenerator(seed: 24)
        let rows = (0 ..< Self.n).map { i in
            "s\(i)\t" + (0 ..< 5).map { _ in String(format: "%.3f", Double.random(in: -1 ... 1, using: &generator)) }.joined(separator: "\t")
        }
        matrix = try dir.write("x.tsv", "sample_id\tg0\tg1\tg2\tg3\tg4\n" + rows.joined(separator: "\n") + "\n")
    }

    private func parameters(labels: String, covariates: String? = nil, repeats: Int = 0) -> RunParameters {
        var input = InputParameters(path: matrix)
        input.labels = labels
        input.covariates = covariates.map { CovariateParameters(file: $0) }
        var selection = SelectionParameters(k: 1)
        selection.method = .marginal
        selection.repeats = repeats
        return RunParameters(input: input, selection: selection)
    }

    /// Labels equal to 2.5 but for one sample: refused exactly when that sample is one of
    /// the 8 validation samples (the training split is then constant).
    func testRegressionTargetConstantOnTheTrainingSplitIsRefused() throws {
        var refused: [Int] = []
        for outlier in 0 ..< Self.n {
            let labels = try dir.write("y\(outlier).tsv", "sample_id\tbmi\n"
                + (0 ..< Self.n).map { "s\($0)\t\($0 == outlier ? "3.5" : "2.5")" }.joined(separator: "\n") + "\n")
            do {
                var p = parameters(labels: labels)
                p.input.task = .regression
                _ = try Pipeline.select(p, out: dir.path("out\(outlier)"), execution: GolubRun.execution)
            } catch let error as InputError {
                XCTAssertEqual(error.description, "\(labels): column bmi: the regression target is constant on the training split: all 32 training samples have the value 2.5; only validation samples differ; a regression target must vary there (check the label column, or lower --validation-fraction)")
                refused.append(outlier)
            }
        }
        XCTAssertEqual(refused.count, 8, "the validation split holds 20 % of 40 samples: \(refused)")
    }

    /// A batch of 16 levels (15 model columns) over 32 training samples: one fit on the whole
    /// training split has room (32 > 15 + 2 classes), the half-sample fits (16 samples) do not.
    func testCovariatesWiderThanTheHalfSampleFitsAreRefused() throws {
        let labels = try dir.write("y.tsv", "sample_id\tlabel\n" + (0 ..< Self.n).map { "s\($0)\t\(["a", "b"][$0 % 2])" }.joined(separator: "\n") + "\n")
        let covariates = try dir.write("cov.tsv", "sample_id\tbatch\n" + (0 ..< Self.n).map { "s\($0)\tb\($0 % 16)" }.joined(separator: "\n") + "\n")
        XCTAssertNoThrow(try Pipeline.select(parameters(labels: labels, covariates: covariates), out: dir.path("one"),
                                             execution: GolubRun.execution))
        XCTAssertThrowsError(try Pipeline.select(parameters(labels: labels, covariates: covariates, repeats: 2), out: dir.path("halves"),
                                                 execution: GolubRun.execution)) { error in
            XCTAssertEqual((error as? InputError)?.description, "\(covariates): the covariates take 15 model columns (batch: 15 (16 levels)) and the half-sample fits have 16 samples (half of 32 training samples): a fit needs more samples than covariate columns plus 2 classes; merge rare levels, or leave covariates out (--covariate-cols)")
        }
    }
}
