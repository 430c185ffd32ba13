import ArgumentParser
import GSelPipeline

/// `gsel export`: the decoded matrix as TSV, so users and tests can check what gsel sees.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the decoded matrix as TSV: samples as rows, first column sample_id, NA for missing.")

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Output TSV path ('-' for standard output).")
    var out: String

    @OptionGroup var execution: ExecutionOptions

    func run() throws {
        try execution.run { execution in try Pipeline.export(input.parameters, to: out, execution: execution) }
    }
}
