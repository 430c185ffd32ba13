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

    private func parameters(_ method: SelectionMethod, covariates: Bool, screen: Int? = nil) -> RunParameters {
        var input = InputParameters(path: files.matrix)
        input.labels = files.labels
        if covariates { input.covariates = CovariateParameters(file: files.covariates) }
        var selection = SelectionParameters(k: Self.k)
        selection.method = method
        selection.repeats = 0
        selection.sequentialAttention.screenSize = screen
        return RunParameters(input: input, selection: selection)
    }

    /// The ranked feature indices of a run.
    private func ranking(_ method: SelectionMethod, covariates: Bool, screen: Int? = nil) throws -> (features: [Int], summary: Pipeline.Summary) {
        let out = dir.path("\(method.rawValue)-\(covariates)")
        let summary = try Pipeline.select(parameters(method, covariates: covariates, screen: screen), out: out,
                                          execution: GolubRun.execution)
        return (summary.result.entries.map(\.unit), summary)
    }

    private func assertCovariatesRemoveTheConfounder(_ method: SelectionMethod, screen: Int? = nil) throws {
        let without = try ranking(method, covariates: false, screen: screen).features
        let (with, summary) = try ranking(method, covariates: true, screen: screen)
        if let screen { XCTAssertEqual(summary.result.reference.screenedTo, screen) }
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
    /// The same with the wide-data screen forced (to 40 of the 300 features): screened on
    /// statistics given the covariates, and trained with them.
    func testScreenedSequentialAttentionSelectsBeyondTheCovariates() throws {
        try assertCovariatesRemoveTheConfounder(.sa, screen: 40)
    }
    func testOMPSelectsBeyondTheCovariates() throws { try assertCovariatesRemoveTheConfounder(.omp) }
    func testMarginalSelectsBeyondTheCovariates() throws { try assertCovariatesRemoveTheConfounder(.marginal) }

    /// Stability fits, scatter/gather and resume carry the covariates: the scattered ranking
    /// equals the one-machine run, and a changed covariate file is refused by checksum.
    func testStabilityScatterAndResumeCarryTheCovariates() throws {
        var parameters = parameters(.marginal, covariates: true)
        parameters.selection.repeats = 3
        parameters.selection.k = 3
        let direct = try Pipeline.select(parameters, out: dir.path("direct"), execution: GolubRun.execution)
        XCTAssertEqual(Set(direct.result.entries.map(\.unit)), Set(planted.trueFeatures))
        XCTAssertTrue(direct.result.entries.allSatisfy { $0.frequency == 1 }, "every half-sample fit finds the true features")
        let manifest = try FitDirectory(outDir: dir.path("direct")).readManifest()
        XCTAssertEqual(manifest.covariatesSHA256, try SHA256.hex(file: files.covariates))
        let folders = try (1 ... 3).map { pair -> String in
            let out = dir.path("pair\(pair)")
            try Pipeline.repeatPair(pair, parameters: parameters, out: out, execution: GolubRun.execution)
            return out
        }
        try Pipeline.aggregate(directories: folders, out: dir.path("gathered"), execution: GolubRun.execution)
        XCTAssertEqual(try GolubRun.ranking(dir.path("gathered")), try GolubRun.ranking(dir.path("direct")))

        // The same covariates with a trailing blank line: another file by its SHA-256.
        let moved = try dir.write("moved-cov.tsv", try String(contentsOfFile: files.covariates, encoding: .utf8) + "\n")
        let refused = GolubRun.error {
            try Pipeline.aggregate(directories: folders, out: dir.path("refused"), overrides: .init(covariates: moved),
                                   execution: GolubRun.execution)
        }
        XCTAssertTrue(refused?.contains("covariate file) is not the file the fits were computed from") == true, refused ?? "no error")
        var changed = parameters
        changed.input.covariates?.file = moved
        let resumed = GolubRun.error {
            try Pipeline.select(changed, out: dir.path("direct"), resume: true, execution: GolubRun.execution)
        }
        XCTAssertTrue(resumed?.contains("covariates SHA-256 is") == true, resumed ?? "no error")
        // Runs without covariates keep the parameters they had: nothing about covariates is recorded.
        let plain = self.parameters(.marginal, covariates: false)
        XCTAssertFalse(plain.fields.contains { $0.name.hasPrefix("covariates") })
        XCTAssertTrue(parameters.fields.contains { $0.name == "covariates.required" && $0.value == "false" })
    }

    /// A covariate that repeats others, or the label itself, is refused by name.
    func testCollinearCovariatesAndTheLabelAreRefusedByName() throws {
        var lines = try String(contentsOfFile: files.covariates, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[0] += "\tage_months\tsite"
        for i in 1 ..< lines.count {
            let cells = lines[i].split(separator: "\t")
            lines[i] += "\t\(Int(cells[2])! * 12)\t\(cells[1] == "b1" ? "north" : "south")"
        }
        let collinear = try dir.write("collinear.tsv", lines.joined(separator: "\n") + "\n")
        var parameters = parameters(.marginal, covariates: true)
        parameters.input.covariates?.file = collinear
        let months = GolubRun.error { try Pipeline.select(parameters, out: self.dir.path("c1"), execution: GolubRun.execution) }
        XCTAssertTrue(months?.contains("collinear.tsv: line 1, column age_months: covariate column 'age_months' is perfectly collinear with 'age'") == true, months ?? "no error")
        parameters.input.covariates?.columns = ["batch", "site"]
        let site = GolubRun.error { try Pipeline.select(parameters, out: self.dir.path("c2"), execution: GolubRun.execution) }
        XCTAssertTrue(site?.contains("covariate column 'site=south' is perfectly collinear with 'batch=b2', 'batch=b3'") == true, site ?? "no error")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("c2")), "nothing written")

        // Labels and covariates from one file: the label column is left out, or refused when named.
        let both = try dir.write("both.tsv", try String(contentsOfFile: files.labels, encoding: .utf8))
        var shared = self.parameters(.marginal, covariates: true)
        shared.input.labels = both
        shared.input.covariates = CovariateParameters(file: both)
        let none = GolubRun.error { try Pipeline.select(shared, out: self.dir.path("c3"), execution: GolubRun.execution) }
        XCTAssertTrue(none?.contains("both.tsv: line 1: no covariate columns") == true, none ?? "no error")
        shared.input.covariates?.columns = ["label"]
        let label = GolubRun.error { try Pipeline.select(shared, out: self.dir.path("c4"), execution: GolubRun.execution) }
        XCTAssertTrue(label?.contains("both.tsv: line 1, column label: 'label' is the label; it cannot also be a covariate") == true, label ?? "no error")
    }

    /// h5ad obs columns as covariates (`--covariate-keys`), next to a label from obs; the
    /// label itself is refused as a covariate.
    func testAnnDataObsColumnsAsCovariates() throws {
        var input = InputParameters(path: GSelProcess.testData("pbmc68k/pbmc68k_reduced.h5ad"))
        input.labelKey = "bulk_labels"
        input.covariates = CovariateParameters(keys: ["phase", "n_counts"])
        var selection = SelectionParameters(k: 5)
        selection.method = .omp
        selection.repeats = 0
        let summary = try Pipeline.select(RunParameters(input: input, selection: selection), out: dir.path("pbmc"),
                                          execution: GolubRun.execution)
        XCTAssertEqual(summary.run.input.covariates?.columnNames, ["phase=G2M", "phase=S", "n_counts"])
        XCTAssertEqual(summary.run.input.rows.count, 700)
        XCTAssertEqual(summary.result.entries.count, 5)
        XCTAssertEqual(summary.result.evaluation.last?.method, "covariates")
        input.covariates = CovariateParameters(keys: ["phase", "bulk_labels"])
        let label = GolubRun.error {
            try Pipeline.select(RunParameters(input: input, selection: selection), out: self.dir.path("label"),
                                execution: GolubRun.execution)
        }
        XCTAssertTrue(label?.contains("pbmc68k_reduced.h5ad: bulk_labels: 'bulk_labels' is the label; it cannot also be a covariate") == true,
                      label ?? "no error")
    }
}
