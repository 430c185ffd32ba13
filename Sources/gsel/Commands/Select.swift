import ArgumentParser
import GSelPipeline

/// `gsel select` (the default command): load, select under stability selection, write results.
struct Select: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Select the k features that best predict the phenotype (default command).",
        discussion: "Writes ranking.tsv, selection_path.tsv, evaluation.tsv, report.html and run.json into --out; finished fits are kept in --out/fits so that --resume can continue a killed run.")

    @OptionGroup var input: InputOptions
    @OptionGroup var chunking: ChunkOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try CommandRunner.run(quiet: output.quiet, { execution in
            var parameters = RunParameters(input: input.parameters, selection: selection.parameters)
            parameters.input.chunking = chunking.parameters
            try Pipeline.select(parameters, out: output.out, resume: output.resume, execution: execution)
            execution.log.info("wrote \(output.out)/ranking.tsv, report.html, run.json (\(String(format: "%.1f", execution.log.elapsed)) s)")
        }, threads: selection.threads)
    }
}
