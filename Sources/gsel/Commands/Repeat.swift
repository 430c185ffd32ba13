import ArgumentParser
import GSelPipeline

/// `gsel repeat --pair I`: one complementary pair, for workflow scatter.
struct Repeat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repeat",
        abstract: "Run one complementary pair of stability selection (for Nextflow/Snakemake scatter).",
        discussion: "Writes the pair's two fit files (fit-I-a.tsv, fit-I-b.tsv) and the run manifest into --out. Gather any set of such directories with `gsel aggregate`; pair 0 holds the full-split fits on the whole training split, fit-0-a.tsv onwards (aggregate runs them if no directory has them).")

    @Option(name: .long, parsing: .unconditional, help: "Pair to run, 1...--repeats (0 = the full-split fits).")
    var pair: Int

    @OptionGroup var input: InputOptions
    @OptionGroup var chunking: ChunkOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try CommandRunner.run(quiet: output.quiet, { execution in
            var parameters = RunParameters(input: input.parameters, selection: selection.parameters)
            parameters.input.chunking = chunking.parameters
            try Pipeline.repeatPair(pair, parameters: parameters, out: output.out, execution: execution)
            execution.log.info("pair \(pair) written to \(output.out)")
        }, threads: selection.threads)
    }
}
