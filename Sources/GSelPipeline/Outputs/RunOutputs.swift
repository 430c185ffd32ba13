import Foundation
import GSelCore
import GSelIO
import GSelReport

/// The result files of a finished run, written into the output directory, each
/// atomically: ranking.tsv, selection_path.tsv, evaluation.tsv (and evaluation_per_class.tsv
/// for classification), report.html (winners.json for a chunk) and, last, run.json, the completion marker (`RunOutputs+Completion`).
/// The tables, the report model and the run record are built by the extensions of this type.
public struct RunOutputs {
    public static let fileNames = ["ranking.tsv", "selection_path.tsv", "evaluation.tsv", "report.html", "run.json"]

    let run: SelectionRun
    let result: RunResult
    /// Wall-clock seconds per stage, in order.
    let timings: [(name: String, seconds: Double)]
    /// The command as typed, for run.json and the report.
    let commandLine: String
    let threads: Int

    public init(run: SelectionRun, result: RunResult, timings: [(name: String, seconds: Double)],
                commandLine: String, threads: Int) {
        self.run = run
        self.result = result
        self.timings = timings
        self.commandLine = commandLine
        self.threads = threads
    }

    /// Writes every file into `outDir` (created if needed), run.json last: the completion
    /// marker. When any file fails, every result file is removed again (`retract`), so the
    /// folder never looks finished after a failure.
    public func write(to outDir: String) throws {
        try OutputDirectory.create(outDir)
        Self.retract(from: outDir)
        func path(_ name: String) -> String { (outDir as NSString).appendingPathComponent(name) }
        do {
            try rankingTable().write(to: path("ranking.tsv"))
            try selectionPathTable().write(to: path("selection_path.tsv"))
            try evaluationTable().write(to: path("evaluation.tsv"))
            try perClassTable()?.write(to: path(Self.perClassFileName))
            try ReportWriter.write(reportModel(), to: path("report.html"))
            try ChunkWinners(run: run, result: result)?.write(to: outDir)
            try runRecord().write(to: path(Self.completionMarker))
        } catch {
            Self.retract(from: outDir)
            throw error
        }
    }

    /// The files `write` produces for this run.
    var outputNames: [String] {
        Self.fileNames.flatMap { $0 == "evaluation.tsv" && !classNames.isEmpty ? [$0, Self.perClassFileName] : [$0] }
            + (ChunkWinners(run: run, result: result) == nil ? [] : [ChunkWinners.fileName])
    }

    var parameters: SelectionParameters { run.parameters }
    var input: LoadedInput { run.input }
    var features: [FeatureInfo] { input.matrix.features }
    var units: RankedUnits { run.units }
    var grouped: Bool { input.groups != nil }
    var hasVariants: Bool { !grouped && features.first?.variant != nil }
    var scoreName: String { parameters.method.scoreName(for: input.task) }
}
