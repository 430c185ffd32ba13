import Foundation

/// The three ways to run gsel's selection, shared by the command line and tests:
/// `select` (everything on one machine, resumable), `repeatPair` (one complementary pair,
/// for workflow scatter) and `aggregate` (gather scattered fits into the final outputs).
/// Each returns what it wrote; a scattered run gives the same ranking bytes as `select`.
public enum Pipeline {
    /// How a run executes: none of this changes its results.
    public struct Execution: Sendable {
        /// Worker threads for decoding and fits.
        public var threads: Int
        public var log: RunLog
        /// The command as typed, recorded in run.json and the report.
        public var commandLine: String

        /// The thread count when none is given: every core.
        public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

        public init(threads: Int? = nil, log: RunLog = .silent,
                    commandLine: String = "") {
            self.threads = max(1, threads ?? Self.defaultThreads)
            self.log = log
            self.commandLine = commandLine
        }
    }

    /// What a finished `select` or `aggregate` wrote, with the run behind it.
    public struct Summary: Sendable {
        public var outDir: String
        public var run: SelectionRun
        public var result: RunResult
        /// Fits computed by this call (not read back from disk).
        public var fitsComputed: Int
    }

    /// Loads the input and prepares the run `parameters` describe.
    static func prepare(_ parameters: RunParameters, _ execution: Execution) throws -> SelectionRun {
        try parameters.validate()
        let loaded = try LoadedInput.load(parameters.input, threads: execution.threads, log: execution.log)
            .including(parameters.selection.include, log: execution.log)
            .costing(parameters.selection.costs, log: execution.log)
        return try SelectionRun(input: loaded, manifest: RunManifest(of: loaded, parameters: parameters), log: execution.log)
    }
}
