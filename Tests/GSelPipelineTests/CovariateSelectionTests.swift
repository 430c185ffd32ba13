import Foundation
import GSelCore
import GSelIO
import GSelPipeline
import XCTest
import _TestSupport

/// Selection given covariates on planted confounding (`PlantedConfounding`): without the
/// covariates a batch gene enters the top k; with batch and age as covariates the top k
/// holds the 3 true features and no batch gene, for Sequential Attention, OMP and the
/// marginal baseline.
final class CovariateSelectionTests: XCTestCase {
    private static let k = 6
    private var dir: TemporaryDirectory!
    private var planted: PlantedConfounding!
    private var files: (matrix: String, labels: String, covariates: String)!

    override func setUpWithError() throws {
        dir = try TemporaryDirectory()
        planted = PlantedConfounding()
        let (matrix, labels, covariates) = planted.tsv()
        files = (try dir.write("x.tsv", matrix), try dir.write("y.tsv", labels), try dir.write("cov.tsv", covariates))
    }

    private func parameters(_ method: SelectionMethod, covariates: Bool) -> RunParameters {
        var input = InputParameters(path: files.matrix)
        input.labels = files.labels
        if covariates { input.covariates = CovariateParameters(file: files.covariates) }
        var selection = SelectionParameters(k: Self.k)
        selection.method = method
        selection.repeats = 0
        return RunParameters(input: input, selection: selection)
    }

    /// The ranked feature indices of a run.
    private func ranking(_ method: SelectionMethod, covariates: Bool) throws -> (features: [Int], summary: Pipeline.Summary) {
        let out = dir.path("\(method.rawValue)-\(covariates)")
        let summary = try Pipeline.select(parameters(method, covariates: covariates), out: out, execution: GolubRun.execution)
        return (summary.result.entries.map(\.feature), summary)
    }

    private func assertCovariatesRemoveTheConfounder(_ method: SelectionMethod) throws {
        let without = try ranking(method, covariates: false).features
        let (with, summary) = try ranking(method, covariates: true)
        print("\(method.rawValue): true \(planted.trueFeatures), batch genes \(planted.batchGenes); top \(Self.k) without covariates \(without), with \(with)")
        XCTAssertFalse(Set(without).isDisjoint(with: planted.batchGenes), "\(method): without covariates a batch gene is in the top \(Self.k): \(without)")
        XCTAssertTrue(Set(with).isSuperset(of: planted.trueFeatures), "\(method): the true features are in the top \(Self.k): \(with)")
        XCTAssertTrue(Set(with).isDisjoint(with: planted.batchGenes), "\(method): no batch gene in the top \(Self.k): \(with)")
        // The evaluation refits include the covariates and end with the covariates-only row.
        let evaluation = summary.result.evaluation
        XCTAssertEqual(evaluation.last?.method, "covariates")
        XCTAssertEqual(evaluation.last?.k, 0)
        print("\(method.rawValue): evaluation \(evaluation.map { "\($0.method):\($0.k)=\($0.auroc ?? .nan)" })")
    }

    func testSequentialAttentionSelectsBeyondTheCovariates() throws { try assertCovariatesRemoveTheConfounder(.sa) }
    func testOMPSelectsBeyondTheCovariates() throws { try assertCovariatesRemoveTheConfounder(.omp) }
    func testMarginalSelectsBeyondTheCovariates() throws { try assertCovariatesRemoveTheConfounder(.marginal) }
}
