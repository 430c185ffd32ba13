import Foundation
import GSelCore
import GSelIO

extension Pipeline {
    /// Runs the fits of one complementary pair (0 = the full-split fits) and writes them with
    /// the run manifest into `out` (a fits folder), for workflow scatter. Fits already there
    /// for the same run are kept. The job locks only its pair in `out`, so jobs of other
    /// pairs may write into the same folder. Returns the fits of the pair.
    @discardableResult
    public static func repeatPair(_ pair: Int, parameters: RunParameters, out: String,
                                  execution: Execution = .init()) throws -> [FitRecord] {
        let pairs = parameters.selection.maximumPairs
        guard (0 ... pairs).contains(pair) else {
            let most = parameters.selection.repeats == nil ? "the adaptive cap (\(pairs))" : "repeats (\(pairs))"
            throw ParameterError("pair", "must be between 0 and \(most); got \(pair)")
        }
        if let chunking = parameters.input.chunking, chunking.isTournament {
            throw ParameterError("chunk", "is needed with --chunks \(chunking.count ?? 0): a repeat job runs one pair of one chunk (1 ... \(chunking.count ?? 0))")
        }
        try OutputDirectory.checkWritable(out)
        let lock = try OutputLock(directory: out, name: OutputLock.pairFileName(pair), log: execution.log)
        defer { lock.release() }
        let run = try prepare(parameters, execution)
        try lock.hold()
        let fitDirectory = FitDirectory(path: out)
        let ids = run.fits(ofPair: pair)
        let done = try fitDirectory.prepare(manifest: run.manifest, resume: true, unitIDs: run.units.ids, picks: run.q)
            .filter { ids.contains($0.id) }
        if !done.isEmpty { execution.log.info("resuming: \(done.count) fits of pair \(pair) already done") }
        return try run.runFits(ids, done: done, fitDirectory: fitDirectory, threads: execution.threads)
    }
}
