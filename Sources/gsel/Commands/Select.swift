import ArgumentParser
import GSelPipeline

/// `gsel select` (the default command): load, select under stability selection, write results.
struct Select: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Select the k features that best predict the phenotype (default command).",
        discussion: "Writes ranking.tsv, selection_path.tsv, evaluation.tsv (and evaluation_per_class.tsv for classes), report.html and run.json (last: the completion marker) into --out; finished fits are kept in --out/fits so that --resume can continue a killed run.")

    @OptionGroup var options: RunOptions

    func run() throws {
        let output = options.output
        try options.run { parameters, execution in
            try Pipeline.select(parameters, out: output.out, resume: output.resume, execution: execution)
            execution.log.info("wrote \(output.out)/ranking.tsv, report.html, run.json (\(String(format: "%.1f", execution.log.elapsed)) s)")
        }
    }
}
