import ArgumentParser
import GSelCore
import GSelPipeline

/// `gsel repeat --pair I`: one complementary pair, for workflow scatter.
struct Repeat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repeat",
        abstract: "Run one complementary pair of stability selection (for Nextflow/Snakemake scatter).",
        discussion: "Writes the pair's two fit files (fit-I-a.tsv, fit-I-b.tsv) and the run manifest into --out. Gather any set of such directories with `gsel aggregate`; pair 0 holds the full-split fits on the whole training split, fit-0-a.tsv onwards (aggregate runs them if no directory has them).")

    @Option(name: .long, parsing: .unconditional, help: "Pair to run, 1...--repeats, or 1...\(AdaptiveRepeats.maximumPairs) with --repeats auto (0 = the full-split fits).")
    var pair: Int

    @OptionGroup var options: RunOptions

    func run() throws {
        let out = options.output.out
        try options.run { parameters, execution in
            try Pipeline.repeatPair(pair, parameters: parameters, out: out, execution: execution)
            execution.log.info("pair \(pair) written to \(out)")
        }
    }
}
