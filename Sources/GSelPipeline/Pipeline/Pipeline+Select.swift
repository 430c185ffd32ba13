import Foundation
import GSelCore

extension Pipeline {
    /// Loads the input, runs every fit (reusing finished fits in `out/fits` with `resume`),
    /// aggregates them and writes the outputs into `out`. With `--chunks N` and no chunk
    /// index, runs every chunk and the tournament on their winners (`selectChunked`).
    @discardableResult
    public static func select(_ parameters: RunParameters, out: String, resume: Bool = false,
                              execution: Execution = .init()) throws -> Summary {
        try OutputDirectory.checkWritable(out)
        if parameters.input.chunking?.isTournament == true {
            return try selectChunked(parameters, out: out, resume: resume, execution: execution)
        }
        return try complete(try prepare(parameters, execution), out: out, resume: resume, execution: execution)
    }

    /// Runs the fits of `run` that `out/fits` does not hold yet (all of them without
    /// `resume`), aggregates them and writes the outputs into `out`.
    static func complete(_ run: SelectionRun, out: String, resume: Bool, execution: Execution) throws -> Summary {
        let fitDirectory = FitDirectory(outDir: out)
        let done = try fitDirectory.prepare(manifest: run.manifest, resume: resume, unitIDs: run.units.ids, picks: run.q)
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
