import Foundation
import GSelCore

extension Pipeline {
    /// Loads the input, runs every fit (reusing finished fits in `out/fits` with `resume`),
    /// aggregates them and writes the outputs into `out`. With `--chunks N` and no chunk
    /// index, runs every chunk and the tournament on their winners (`selectChunked`).
    @discardableResult
    public static func select(_ parameters: RunParameters, out: String, resume: Bool = false,
                              execution: Execution = .init()) throws -> Summary {
        let chunked = parameters.input.chunking?.isTournament == true
        try OutputDirectory.checkWritable(out, subfolders: chunked ? ["fits", "chunks"] : ["fits"])
        let lock = try OutputLock(directory: out, log: execution.log)
        defer { lock.release() }
        if chunked {
            return try selectChunked(parameters, out: out, resume: resume, lock: lock, execution: execution)
        }
        let run = try prepare(parameters, execution)
        try lock.hold()
        return try complete(run, out: out, resume: resume, execution: execution)
    }

    /// Runs the fits of `run` that `out/fits` does not hold yet (all of them without
    /// `resume`), aggregates them and writes the outputs into `out`. Once the fits folder is
    /// accepted, the previous run's results there are withdrawn (run.json, the completion
    /// marker, first), before anything changes.
    static func complete(_ run: SelectionRun, out: String, resume: Bool, execution: Execution) throws -> Summary {
        let fitDirectory = FitDirectory(outDir: out)
        let done = try fitDirectory.prepare(manifest: run.manifest, resume: resume, unitIDs: run.units.ids, picks: run.q) {
            RunOutputs.retract(from: out)
        }
        if !done.isEmpty { execution.log.info("resuming: \(done.count) fits already done") }
        let start = Date()
        let used = try run.stabilityFits(from: done) { ids, fits in
            try run.runFits(ids, done: fits, fitDirectory: fitDirectory, threads: execution.threads)
        }
        let selectSeconds = Date().timeIntervalSince(start)
        let result = try run.aggregate(used.fits, stop: used.stop, threads: execution.threads)
        try RunOutputs(run: run, result: result,
                       timings: [("load", run.input.loadSeconds), ("selection", selectSeconds),
                                 ("aggregation and evaluation", result.aggregateSeconds)],
                       commandLine: execution.commandLine, threads: execution.threads).write(to: out)
        return Summary(outDir: out, run: run, result: result, fitsComputed: used.fits.count - done.filter { $0.pair <= used.pairs }.count)
    }
}
