import ArgumentParser
import Foundation
import GSelPipeline

/// `gsel aggregate DIR...`: gather fit files from scattered `gsel repeat` jobs.
struct Aggregate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Gather fit files written by `gsel repeat` (or `select`) into the final outputs.",
        discussion: "Each DIR is an --out directory of `gsel repeat` (or its fits/ folder). All must come from the same input and parameters; the result is identical to `gsel select` with the same seed and repeats.")

    @Argument(help: "Directories holding fit files (with --tournament: the --out directories of every chunk).")
    var directories: [String]

    @Flag(name: .long, help: "Final selection of a chunked run on the union of its chunks' winners (winners.json).")
    var tournament = false

    @Option(name: .long, help: "Output directory.")
    var out: String = "gsel-out"

    @Option(name: .long, help: "Input path, if it moved since the fits were written (checked by SHA-256).")
    var input: String?

    @Option(name: .long, help: "Label file path, if it moved (checked by SHA-256).")
    var labels: String?

    @Option(name: .long, help: "Group file path, if it moved (checked by SHA-256).")
    var groups: String?

    @Option(name: .long, help: "Covariate file path, if it moved (checked by SHA-256).")
    var covariates: String?

    @Option(name: .long, help: "Include list (--include) path, if it moved (checked by SHA-256).")
    var include: String?

    @Option(name: .long, help: "Cost table (--costs) path, if it moved (checked by SHA-256).")
    var costs: String?

    @Option(name: .long, parsing: .unconditional, help: "Number of features to report; must match the fits' --k when given.")
    var k: Int?

    @OptionGroup var execution: ExecutionOptions

    func run() throws {
        try execution.run { execution in
            let gather = tournament ? Pipeline.tournament(directories:out:overrides:execution:) : Pipeline.aggregate(directories:out:overrides:execution:)
            _ = try gather(directories, out, .init(input: input, labels: labels, groups: groups, covariates: covariates, k: k, include: include, costs: costs), execution)
        }
    }
}
