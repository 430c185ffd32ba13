import CBLAS
import Foundation
import GSelIO

/// Stability selection with complementary pairs (Meinshausen & Bühlmann 2010;
/// Shah & Samworth 2013): for each pair, the training samples are split into two
/// disjoint halves and the selector runs on each. Fits run in parallel; each
/// fit's random stream depends only on (seed, fit), so the result does not
/// depend on the thread count or on which fits were resumed from disk.
public struct StabilitySelection: Sendable {
    public var selector: any FeatureSelector
    /// Features each fit picks (q).
    public var q: Int
    public var seed: UInt64
    /// Worker threads for fits.
    public var threads: Int

    public init(selector: any FeatureSelector, q: Int, seed: UInt64, threads: Int) {
        self.selector = selector
        self.q = q
        self.seed = seed
        self.threads = max(1, threads)
    }

    /// One unit of work: a half of a pair (or the reference fit, pair 0) on these samples.
    public struct Job: Sendable {
        public var fit: FitID
        /// Positions into the labelled samples (`rows` / `target` of `run`).
        public var samples: [Int]
        public init(fit: FitID, samples: [Int]) { self.fit = fit; self.samples = samples }
    }

    /// Runs `jobs` over the labelled samples (`rows[i]` is the matrix row of sample i,
    /// `target` has one entry per sample), calling `completed` under a lock as each
    /// fit finishes, and returns the fits ordered by (pair, half). The first error stops
    /// further jobs and is rethrown.
    public func run(jobs: [Job], matrix: any FeatureMatrix, rows: [Int], target: Target,
                    completed: @Sendable (FitRecord) throws -> Void) throws -> [FitRecord] {
        let workers = min(threads, max(jobs.count, 1))
        // Every fit uses one BLAS thread, whatever the worker count: the products are small
        // (batch x features x hidden) and run thousands of times, so BLAS threads only add
        // synchronisation, and OpenBLAS's threaded sgemm rounds differently from the serial
        // one, which would make rankings depend on --threads. Later refits stay serial too.
        gsel_blas_set_threads(1)
        let state = RunState(count: jobs.count)
        let selector = self.selector, q = self.q, seed = self.seed
        // One sample-major copy of every row a job trains on, shared by the fits.
        let training = TrainingRows(matrix, rows: Set(jobs.flatMap(\.samples)).sorted().map { rows[$0] })
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = state.next() {
                let job = jobs[i]
                do {
                    let data = training.standardized(job.samples.map { rows[$0] })
                    let result = try selector.select(data, target: target.subset(job.samples), k: q, seed: seed,
                                                     stream: job.fit.stream)
                    let fit = FitRecord(id: job.fit, result: result)
                    try state.finish(i, fit, completed)
                } catch {
                    state.fail(error)
                }
            }
        }
        if let error = state.error { throw error }
        return state.results.compactMap { $0 }.sorted { $0.id < $1.id }
    }
}

/// Shared bookkeeping of a parallel run, behind a lock.
private final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = 0
    private let count: Int
    var results: [FitRecord?]
    var error: Error?

    init(count: Int) {
        self.count = count
        results = [FitRecord?](repeating: nil, count: count)
    }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard error == nil, cursor < count else { return nil }
        cursor += 1
        return cursor - 1
    }

    func finish(_ i: Int, _ fit: FitRecord, _ completed: (FitRecord) throws -> Void) throws {
        lock.lock(); defer { lock.unlock() }
        results[i] = fit
        try completed(fit)
    }

    func fail(_ e: Error) {
        lock.lock(); defer { lock.unlock() }
        if error == nil { error = e }
    }
}
