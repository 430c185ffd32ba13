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
        guard (0 ... parameters.selection.repeats).contains(pair) else {
            throw ParameterError("pair", "must be between 0 and repeats (\(parameters.selection.repeats)); got \(pair)")
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
        return try run.runFits(ids, done: done, fitDirectory: fitDirectory, threads: execution.threads)
    }
}
