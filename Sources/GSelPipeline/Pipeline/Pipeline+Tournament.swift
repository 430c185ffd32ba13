import Foundation
import GSelCore
import GSelIO

extension Pipeline {
    /// `select --chunks N` on one machine: each chunk as an ordinary run into
    /// `out/chunks/chunk-I` (fits, outputs and winners.json, as a scattered chunk job
    /// writes them), then the tournament on their winners into `out`. The whole store is
    /// loaded once; each chunk holds a compact copy of its columns while it runs.
    static func selectChunked(_ parameters: RunParameters, out: String, resume: Bool, lock: OutputLock,
                              execution: Execution) throws -> Summary {
        try parameters.validate()
        guard let chunking = parameters.input.chunking, let count = chunking.count else {
            preconditionFailure("selectChunked runs a tournament")
        }
        let scoped = try LoadedInput.load(parameters.input, threads: execution.threads, log: execution.log)
        try lock.hold()
        RunOutputs.retract(from: out)
        var gathered: [(source: String, winners: ChunkWinners)] = []
        for index in 1 ... count {
            var chunkParameters = parameters
            chunkParameters.input.chunking = chunking.chunk(index)
            let run = try SelectionRun(input: scoped.chunk(index, of: count, log: execution.log),
                                       manifest: RunManifest(of: scoped, parameters: chunkParameters), log: execution.log)
            let folder = chunkDirectory(index, in: out)
            let summary = try complete(run, out: folder, resume: resume, execution: execution)
            guard let winners = ChunkWinners(run: run, result: summary.result) else { preconditionFailure("a chunk run has winners") }
            gathered.append((folder, winners))
        }
        return try tournament(scoped, manifest: RunManifest(of: scoped, parameters: parameters), chunks: gathered,
                              out: out, resume: resume, lock: lock, execution: execution)
    }

    /// Where `select --chunks N` writes chunk `index` inside `out` (the Snakemake workflow
    /// uses the same layout): `out/chunks/chunk-<index>`.
    public static func chunkDirectory(_ index: Int, in out: String) -> String {
        ((out as NSString).appendingPathComponent("chunks") as NSString).appendingPathComponent("chunk-\(index)")
    }

    /// The tournament of a scattered chunked run (`gsel aggregate --tournament`): reads the
    /// winners.json of every chunk in `directories` (chunk runs' --out directories, or the
    /// files), checks that they come from one run and that each chunk 1 ... N is there once,
    /// and runs the final selection on the union of their winners into `out`: the same
    /// ranking bytes as `select --chunks N` with the same parameters.
    @discardableResult
    public static func tournament(directories: [String], out: String, overrides: AggregateOverrides = .init(),
                                  execution: Execution = .init()) throws -> Summary {
        guard !directories.isEmpty else { throw InputError(file: "", "aggregate --tournament needs the output directories of the chunk runs") }
        try OutputDirectory.checkWritable(out, subfolders: ["fits"])
        let lock = try OutputLock(directory: out, log: execution.log)
        defer { lock.release() }
        let gathered = try directories.map { (source: ChunkWinners.file($0), winners: try ChunkWinners.read($0)) }
        let manifest = try overrides.apply(to: try tournamentManifest(gathered))
        let scoped = try loadVerified(manifest, execution)
        let summary = try tournament(scoped, manifest: manifest, chunks: gathered.sorted { $0.winners.chunking.index! < $1.winners.chunking.index! },
                                     out: out, resume: false, lock: lock, execution: execution)
        execution.log.info("tournament of \(gathered.count) chunks written to \(out)/ranking.tsv")
        return summary
    }

    /// The manifest of the chunked run as a whole (the chunks' manifest without an index);
    /// throws when the chunks come from different runs, or a chunk is missing or repeated.
    private static func tournamentManifest(_ gathered: [(source: String, winners: ChunkWinners)]) throws -> RunManifest {
        func whole(_ m: RunManifest) -> RunManifest {
            var m = m
            m.parameters.input.chunking?.index = nil
            return m
        }
        let first = gathered[0]
        let manifest = whole(first.winners.manifest)
        var sources: [Int: String] = [:]
        for (source, winners) in gathered {
            if let diff = whole(winners.manifest).difference(from: manifest) {
                throw InputError(file: source, "comes from a different run than \(first.source): \(diff)")
            }
            let index = winners.chunking.index!
            if let other = sources[index] { throw InputError(file: "", "\(source) and \(other) both hold chunk \(index)") }
            sources[index] = source
        }
        let count = manifest.parameters.input.chunking?.count ?? 1
        let missing = (1 ... count).filter { sources[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.prefix(10).map(String.init).joined(separator: ", ") + (missing.count > 10 ? ", …" : "")
            throw InputError(file: "", "winners of \(missing.count) of \(count) chunks are missing (chunks \(list)); run `gsel select --chunk I --chunks \(count)`, or `gsel aggregate` on the chunk's pairs, for them")
        }
        return manifest
    }

    /// The final selection: an ordinary run with the chunked run's parameters on the union
    /// of the chunks' winners (in input order), fits in `out/fits`, outputs in `out`.
    /// `scoped` is the input the chunks split (after QC and `--region`).
    private static func tournament(_ scoped: LoadedInput, manifest: RunManifest,
                                   chunks: [(source: String, winners: ChunkWinners)],
                                   out: String, resume: Bool, lock: OutputLock, execution: Execution) throws -> Summary {
        let count = chunks.count
        let position = Dictionary(scoped.matrix.features.enumerated().map { ($1.id, $0) }, uniquingKeysWith: min)
        var candidates = Set<Int>()
        for (source, winners) in chunks {
            let index = winners.chunking.index!
            let slice = ChunkParameters.slice(index, of: count, featureCount: scoped.featureCount)
            guard winners.chunkFeatures == slice.count else {
                throw InputError(file: source, "chunk \(index) of \(count) held \(winners.chunkFeatures) features, but this input's chunk \(index) has \(slice.count)")
            }
            for id in winners.winners {
                guard let j = position[id], slice.contains(j) else {
                    throw InputError(file: source, "winner '\(id)' is not a feature of chunk \(index) of \(count) of this input; expected ids of that chunk's features (\(slice.count) after QC)")
                }
                candidates.insert(j)
            }
        }
        let columns = candidates.sorted()
        let perChunk = manifest.parameters.input.chunking?.winners ?? manifest.parameters.selection.k
        let note = "tournament: \(columns.count) candidates, the first \(perChunk) of each of \(count) chunks of \(scoped.featureCount) features"
        execution.log.info(note)
        let run = try SelectionRun(input: scoped.restricted(to: columns, notes: [note]), manifest: manifest, log: execution.log)
        try lock.hold()
        return try complete(run, out: out, resume: resume, execution: execution)
    }
}
