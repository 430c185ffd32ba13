import ArgumentParser
import Foundation
import GSelIO
import GSelPipeline
import GSelReport

/// `gsel export`: the decoded matrix as TSV, so users and tests can check what gsel sees.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the decoded matrix as TSV: samples as rows, first column sample_id, NA for missing.")

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Output TSV path ('-' for standard output).")
    var out: String

    @Option(name: .long, parsing: .unconditional, help: "Worker threads for decoding (default: all cores).")
    var threads: Int?

    @Flag(name: .long, help: "No log output on stderr.")
    var quiet = false

    func validate() throws { try CommandRunner.validate(threads: threads) }

    func run() throws {
        try CommandRunner.run(quiet: quiet, { execution in
            let reader = try InputFormat.reader(for: input.input)
            let loaded = try reader.load(options: input.parameters.readerOptions(threads: execution.threads))
            for note in loaded.notes { execution.log.info(note) }
            try MatrixExport.write(loaded, to: out)
            execution.log.info("exported \(loaded.sampleIDs.count) samples x \(loaded.features.count) features")
        }, threads: threads)
    }
}
