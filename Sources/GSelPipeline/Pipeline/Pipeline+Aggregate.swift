import Foundation
import GSelCore
import GSelIO

extension Pipeline {
    /// Paths that moved since the fits were written (checked by SHA-256), and the k the
    /// caller expects.
    public struct AggregateOverrides: Sendable {
        public var input: String?
        public var labels: String?
        public var groups: String?
        public var covariates: String?
        /// The include list (`--include`), when it moved.
        public var include: String?
        /// The cost table (`--costs`), when it moved.
        public var costs: String?
        /// When given, must equal the fits' k.
        public var k: Int?
        public init(input: String? = nil, labels: String? = nil, groups: String? = nil, covariates: String? = nil,
                    k: Int? = nil, include: String? = nil, costs: String? = nil) {
            self.input = input; self.labels = labels; self.groups = groups; self.covariates = covariates; self.k = k
            self.include = include
            self.costs = costs
        }

        /// `manifest` with the moved paths; throws when `k` differs from the manifest's.
        func apply(to manifest: RunManifest) throws -> RunManifest {
            var manifest = manifest
            if let k, k != manifest.parameters.selection.k {
                throw ParameterError("k", "\(k) differs from the fits' k \(manifest.parameters.selection.k); rerun the repeats with k \(k)")
            }
            if let input { manifest.parameters.input.path = input }
            if let labels { manifest.parameters.input.labels = labels }
            if let groups { manifest.parameters.input.groups = groups }
            if let include {
                guard manifest.parameters.selection.include != nil else {
                    throw ParameterError("include", "\(include): the fits were computed without an include list")
                }
                manifest.parameters.selection.include?.file = include
            }
            if let costs {
                guard manifest.parameters.selection.costs != nil else {
                    throw ParameterError("costs", "\(costs): the fits were computed without a cost table")
                }
                manifest.parameters.selection.costs?.file = costs
            }
            if let covariates {
                guard manifest.parameters.input.covariates?.file != nil else {
                    throw ParameterError("covariates", "\(covariates): the fits were computed without a covariate file")
                }
                manifest.parameters.input.covariates?.file = covariates
            }
            return manifest
        }
    }

    /// Loads the input `manifest` names and checks that it, and its label, group and
    /// covariate files, are the files the manifest's checksums describe.
    static func loadVerified(_ manifest: RunManifest, _ execution: Execution) throws -> LoadedInput {
        let loaded = try LoadedInput.load(manifest.parameters.input, threads: execution.threads, log: execution.log)
            .including(manifest.parameters.selection.include, log: execution.log)
            .costing(manifest.parameters.selection.costs, log: execution.log)
        try manifest.requireFiles(loaded.sources)
        return loaded
    }

    /// Gathers the fits in `directories` (output directories of `repeatPair`/`select`, or
    /// their fits folders), checks that they come from one run and that every pair is
    /// there, runs the reference fit if no directory has it, and writes the outputs into
    /// `out`: the same ranking bytes as `select` with the same parameters.
    @discardableResult
    public static func aggregate(directories: [String], out: String, overrides: AggregateOverrides = .init(),
                                 execution: Execution = .init()) throws -> Summary {
        guard !directories.isEmpty else { throw InputError(file: "", "aggregate needs at least one directory of fit files") }
        try OutputDirectory.checkWritable(out)
        let lock = try OutputLock(directory: out, log: execution.log)
        defer { lock.release() }
        let folders = directories.map(FitDirectory.locate)
        var manifest = try folders[0].readManifest()
        for folder in folders.dropFirst() {
            if let diff = try folder.readManifest().difference(from: manifest) {
                throw InputError(file: folder.path, "comes from a different run than \(folders[0].path): \(diff)")
            }
        }
        if manifest.parameters.input.chunking?.isTournament == true {
            throw InputError(file: folders[0].path, "holds the final fits of a chunked run (--chunks \(manifest.parameters.input.chunking?.count ?? 0)); gather the chunks' outputs with gsel aggregate --tournament")
        }
        manifest = try overrides.apply(to: manifest)
        let loaded = try loadVerified(manifest, execution)
        let run = try SelectionRun(input: loaded, manifest: manifest, log: execution.log)
        var byID: [FitID: FitRecord] = [:]
        for folder in folders {
            for fit in try folder.readFits(fingerprint: manifest.fingerprint, unitIDs: run.units.ids, picks: run.q) { byID[fit.id] = fit }
        }
        let start = Date()
        // The full-split fits are run when no directory has them; missing pairs are refused.
        let used = try run.stabilityFits(from: byID.values.sorted { $0.id < $1.id }) { ids, fits in
            let have = Set(fits.map(\.id))
            let missingPairs = Array(Set(ids.filter { !$0.isFullSplit && !have.contains($0) }.map(\.pair))).sorted()
            guard missingPairs.isEmpty else {
                let list = missingPairs.prefix(10).map(String.init).joined(separator: ", ")
                let adaptive = manifest.parameters.selection.repeats == nil
                    ? "; with --repeats auto the stopping rule needs pairs 1-\(ids.map(\.pair).max() ?? 0) here (scatter all \(AdaptiveRepeats.maximumPairs) pairs, or rounds of \(AdaptiveRepeats.roundSize))" : ""
                throw InputError(file: "", "fits of \(missingPairs.count) pair(s) are missing (pairs \(list)\(missingPairs.count > 10 ? ", …" : ""))\(adaptive); run `gsel repeat --pair I` for them")
            }
            return try run.runFits(ids.filter(\.isFullSplit), done: fits, fitDirectory: nil, threads: execution.threads)
        }
        let fits = used.fits
        try lock.hold()
        RunOutputs.retract(from: out)
        let result = try run.aggregate(fits, stop: used.stop, threads: execution.threads)
        try RunOutputs(run: run, result: result,
                       timings: [("load", loaded.loadSeconds), ("full-split fits", Date().timeIntervalSince(start)),
                                 ("aggregation and evaluation", result.aggregateSeconds)],
                       commandLine: execution.commandLine, threads: execution.threads).write(to: out)
        execution.log.info("aggregated \(fits.count) fits into \(out)/ranking.tsv")
        return Summary(outDir: out, run: run, result: result, fitsComputed: fits.filter { byID[$0.id] == nil }.count)
    }
}
