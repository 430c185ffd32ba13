import ArgumentParser
import Foundation
import GSelCore

/// `gsel repeat --pair I`: one complementary pair, for workflow scatter.
struct Repeat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repeat",
        abstract: "Run one complementary pair of stability selection (for Nextflow/Snakemake scatter).",
        discussion: "Writes the pair's two fit files (fit-I-a.tsv, fit-I-b.tsv) and the run manifest into --out. Gather any set of such directories with `gsel aggregate`; pair 0 is the reference fit on the whole training split (aggregate runs it if no directory has it).")

    @Option(name: .long, help: "Pair to run, 1...--repeats (0 = the reference fit).")
    var pair: Int

    @OptionGroup var input: InputOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard pair >= 0 && pair <= selection.repeats else {
            throw ValidationError("--pair must be between 0 and --repeats (\(selection.repeats)); got \(pair)")
        }
    }

    func run() throws {
        try CommandRunner.run(quiet: output.quiet) { log in
            let pipeline = try SelectionPipeline.load(input, selection, log: log)
            let fitDirectory = FitDirectory(path: output.out)
            let done = try fitDirectory.prepare(manifest: pipeline.manifest, resume: true,
                                                featureCount: pipeline.units.count, command: "repeat")
            _ = try pipeline.runFits(pairs: [pair], done: done.filter { $0.pair == pair }, fitDirectory: fitDirectory,
                                     threads: selection.resolvedThreads)
            log.info("pair \(pair) written to \(fitDirectory.path)")
        }
    }
}
