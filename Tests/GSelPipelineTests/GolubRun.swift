import Foundation
import GSelCore
import GSelIO
import GSelPipeline
import _TestSupport

/// A small Golub run (k = 5, 4 pairs) for the in-process pipeline tests.
enum GolubRun {
    static func parameters(seed: UInt64 = 5, repeats: Int? = 4, method: SelectionMethod = .sa) -> RunParameters {
        var input = InputParameters(path: GSelProcess.testData("golub/golub.expr.tsv.gz"))
        input.labels = GSelProcess.testData("golub/golub.labels.tsv")
        input.labelColumn = "label"
        var selection = SelectionParameters(k: 5)
        selection.repeats = repeats
        selection.fullFits = 3
        selection.seed = seed
        selection.method = method
        return RunParameters(input: input, selection: selection)
    }

    static let execution = Pipeline.Execution(threads: 2)

    static func ranking(_ out: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: out + "/ranking.tsv")) }

    /// The error text of `body`, which must throw.
    static func error(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return "\(error)" }
    }
}
