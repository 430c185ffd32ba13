import Foundation
import GSelIO
import GSelReport

/// What a chunk run hands to the tournament: its run manifest (with the chunk index, so the
/// tournament can check that its chunks come from one run and that none is missing), the
/// number of features the chunk held, and its winners: the feature ids of its ranking's k
/// entries, best first. Written as winners.json next to ranking.tsv by every run with
/// `--chunk I`; read by `Pipeline.tournament`.
public struct ChunkWinners: Codable, Sendable, Equatable {
    public static let fileName = "winners.json"

    public var manifest: RunManifest
    /// Features the chunk selected from.
    public var chunkFeatures: Int
    /// Feature ids of the chunk's ranked entries, best first.
    public var winners: [String]

    public init(manifest: RunManifest, chunkFeatures: Int, winners: [String]) {
        self.manifest = manifest
        self.chunkFeatures = chunkFeatures
        self.winners = winners
    }

    /// The winners of a finished chunk run (`--chunk I --chunks N`, N > 1): its ranked
    /// entries, then (with `--chunk-winners` above k) the next features of its stability
    /// ranking; nil for other runs.
    init?(run: SelectionRun, result: RunResult) {
        guard let chunking = run.manifest.parameters.input.chunking, chunking.index != nil, (chunking.count ?? 1) > 1 else {
            return nil
        }
        let count = chunking.winners ?? run.parameters.k
        var chosen = Array(result.entries.prefix(count).map(\.unit))
        var seen = Set(chosen)
        for s in result.ranking.slots where chosen.count < count && seen.insert(s.representative).inserted { chosen.append(s.representative) }
        self.init(manifest: run.manifest, chunkFeatures: run.input.featureCount, winners: chosen.map(run.units.id))
    }

    /// The chunk's parameters; every winners file has them (checked when it is read).
    public var chunking: ChunkParameters { manifest.parameters.input.chunking ?? ChunkParameters() }

    /// Writes winners.json into `outDir`, atomically.
    func write(to outDir: String) throws {
        let text = String(decoding: try RunParameters.encoder().encode(self), as: UTF8.self) + "\n"
        try AtomicFile.write(text, to: (outDir as NSString).appendingPathComponent(Self.fileName))
    }

    /// Reads winners.json at `path`, or inside `path` when it is a directory (an --out
    /// directory of a chunk run). Errors name the file and what was expected.
    public static func read(_ path: String) throws -> ChunkWinners {
        let file = self.file(path)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(file: file, "cannot read the chunk's winners; expected the --out directory of a chunk run (gsel select or aggregate with --chunk I --chunks N), which holds \(fileName)")
        }
        let winners: ChunkWinners
        do { winners = try RunParameters.decoder().decode(ChunkWinners.self, from: data) } catch {
            throw InputError(file: file, "not a chunk winners file of this gsel version (\(GSelVersion.number)): \(error.localizedDescription)")
        }
        try winners.manifest.requireReadableVersion(path: file)
        guard let chunking = winners.manifest.parameters.input.chunking, let count = chunking.count, count > 1,
              let index = chunking.index, (1 ... count).contains(index) else {
            throw InputError(file: file, "the run behind these winners has no chunk index (--chunk I --chunks N with N > 1)")
        }
        try winners.checkList(file: file)
        return winners
    }

    /// The winners file `path` names: `path/winners.json` for a directory, else `path`.
    public static func file(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? (path as NSString).appendingPathComponent(fileName) : path
    }

    /// The most winners a chunk hands over: `--chunk-winners`, else k.
    var allowed: Int { chunking.winners ?? manifest.parameters.selection.k }

    /// Throws an `InputError` on `file` unless the list holds 1 ... `allowed` distinct ids
    /// and the chunk held at least that many features (membership in the chunk is checked
    /// against the input by the tournament).
    private func checkList(file: String) throws {
        let expected = "expected 1 to \(allowed) distinct feature ids of chunk \(chunking.index ?? 0), best first (--chunk-winners, else --k)"
        guard !winners.isEmpty else { throw InputError(file: file, "lists no winners; \(expected)") }
        guard winners.count <= allowed else { throw InputError(file: file, "lists \(winners.count) winners; \(expected)") }
        var first: [String: Int] = [:]
        for (i, id) in winners.enumerated() {
            if let earlier = first.updateValue(i + 1, forKey: id) {
                throw InputError(file: file, "lists winner '\(id)' twice (positions \(earlier) and \(i + 1)); \(expected)")
            }
        }
        guard chunkFeatures >= winners.count else {
            throw InputError(file: file, "lists \(winners.count) winners of a chunk of \(chunkFeatures) features; expected at most one winner per feature")
        }
    }
}
