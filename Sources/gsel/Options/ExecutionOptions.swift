import ArgumentParser
import GSelPipeline

/// `--threads` and `--quiet` of the commands outside a selection run (`aggregate`, `export`):
/// how the command executes, never what it computes.
struct ExecutionOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "Worker threads (default: all cores).")
    var threads: Int?

    @Flag(name: .long, help: "No log output on stderr.")
    var quiet = false

    func validate() throws { try CommandRunner.validate(threads: threads) }

    /// Runs `body` through `CommandRunner` with an execution for these options.
    func run(_ body: (Pipeline.Execution) throws -> Void) throws {
        try CommandRunner.run(quiet: quiet, body, threads: threads)
    }
}
