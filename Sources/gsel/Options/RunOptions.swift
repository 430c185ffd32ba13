import ArgumentParser
import GSelPipeline

/// The options of a selection run, shared by `select` and `repeat`: input, chunking,
/// selection and output, combined into one `RunParameters`.
struct RunOptions: ParsableArguments {
    @OptionGroup var input: InputOptions
    @OptionGroup var chunking: ChunkOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var output: OutputOptions

    /// The run these options describe.
    var parameters: RunParameters {
        var parameters = RunParameters(input: input.parameters, selection: selection.parameters)
        parameters.input.chunking = chunking.parameters
        return parameters
    }

    /// Runs `body` with the parameters and an execution for `--threads` and `--quiet`.
    func run(_ body: (RunParameters, Pipeline.Execution) throws -> Void) throws {
        let parameters = self.parameters
        try CommandRunner.run(quiet: output.quiet, { try body(parameters, $0) }, threads: selection.threads)
    }
}
