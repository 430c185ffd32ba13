import ArgumentParser
import Foundation
import GSelCore

/// `gsel select` (the default command): load, select under stability selection, write results.
struct Select: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Select the k features that best predict the phenotype (default command).",
        discussion: "Writes ranking.tsv, selection_path.tsv, evaluation.tsv, report.html and run.json into --out; finished fits are kept in --out/fits so that --resume can continue a killed run.")

    @OptionGroup var input: InputOptions
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try CommandRunner.run(quiet: output.quiet) { log in
            let threads = selection.resolvedThreads
            let pipeline = try SelectionPipeline.load(input, selection, log: log)
            let loaded = pipeline.input
            let manifest = pipeline.manifest
            let fitDirectory = FitDirectory(outDir: output.out)
            let done = try fitDirectory.prepare(manifest: manifest, resume: output.resume,
                                                featureCount: pipeline.units.count, command: "select")
            let start = Date()
            let fits = try pipeline.runFits(pairs: pipeline.allPairs, done: done, fitDirectory: fitDirectory,
                                            threads: threads)
            let selectSeconds = Date().timeIntervalSince(start)
            let result = try pipeline.aggregate(fits)
            try ResultWriter(pipeline: pipeline, result: result, outDir: output.out,
                             timings: [("load", loaded.loadSeconds), ("selection", selectSeconds),
                                       ("aggregation and evaluation", result.aggregateSeconds)])
                .writeAll()
            log.info("wrote \(output.out)/ranking.tsv, report.html, run.json (\(String(format: "%.1f", log.elapsed)) s)")
        }
    }
}
