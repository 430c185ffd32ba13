import Foundation
import GSelCore
import GSelIO
import GSelReport

/// The `fits/` folder of an output directory: one file per finished fit plus the run
/// manifest, each written atomically, so a killed run loses at most the fits in flight.
public struct FitDirectory: Sendable {
    public let path: String
    public static let manifestName = "manifest.json"

    /// The `fits` folder inside the output directory `outDir`.
    public init(outDir: String) { path = (outDir as NSString).appendingPathComponent("fits") }
    /// A folder of fit files at `path` itself.
    public init(path: String) { self.path = path }

    /// The fit folder of `directory`: its `fits/` subfolder when that holds a manifest, else itself.
    public static func locate(_ directory: String) -> FitDirectory {
        let nested = FitDirectory(outDir: directory)
        return FileManager.default.fileExists(atPath: nested.manifestPath) ? nested : FitDirectory(path: directory)
    }

    public var manifestPath: String { (path as NSString).appendingPathComponent(Self.manifestName) }

    func write(manifest: RunManifest) throws {
        try OutputDirectory.create(path, role: "the folder of fit files")
        try AtomicFile.write(try manifest.encoded(), to: manifestPath)
    }

    func write(_ fit: FitRecord, manifest: RunManifest, featureIDs: [String]) throws {
        let file = (path as NSString).appendingPathComponent(fit.id.fileName)
        try AtomicFile.write(FitFile.render(fit, fingerprint: manifest.fingerprint, featureIDs: featureIDs), to: file)
    }

    /// Fit files present, by fit.
    func fitFiles() -> [(id: FitID, path: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.compactMap { name in FitID(fileName: name).map { ($0, (path as NSString).appendingPathComponent(name)) } }
            .sorted { $0.0 < $1.0 }
    }

    /// Reads the manifest; a folder without one is an `InputError`.
    public func readManifest() throws -> RunManifest {
        guard FileManager.default.fileExists(atPath: manifestPath) else {
            throw InputError(file: path, "no \(Self.manifestName) here; expected an --out directory of gsel repeat or select")
        }
        return try RunManifest.decode(path: manifestPath)
    }

    /// Reads every fit file; all must carry `fingerprint`, name the units `unitIDs` and hold
    /// `picks` picks (fewer only after an early stop).
    func readFits(fingerprint: String, unitIDs: [String], picks: Int) throws -> [FitRecord] {
        try fitFiles().map { id, file in
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InputError(file: file, "cannot read fit file")
            }
            let (fit, fp) = try FitFile.parse(String(decoding: data, as: UTF8.self), path: file, featureIDs: unitIDs, picks: picks)
            guard fp == fingerprint else {
                throw InputError(file: file, "this fit belongs to a different run (fingerprint \(fp.prefix(12))…, expected \(fingerprint.prefix(12))…)")
            }
            guard fit.id == id else {
                throw InputError(file: file, "the file holds \(fit.id) but its name says \(id)")
            }
            return fit
        }
    }

    /// Removes fit files and the manifest (a fresh run into a used directory); only files:
    /// a directory under such a name stays for the write to name it.
    func clear() {
        for f in fitFiles().map(\.path) + [manifestPath] { unlink(f) }
    }

    /// Readies the folder for a run: removes what a killed writer left half-written; with
    /// `resume`, checks that a manifest already there describes the same run and returns its
    /// finished fits; without, starts afresh. `accepted` runs once the checks passed, before
    /// the folder changes (the caller withdraws the previous run's results there).
    func prepare(manifest: RunManifest, resume: Bool, unitIDs: [String], picks: Int,
                 accepted: () -> Void = {}) throws -> [FitRecord] {
        // Temporary files of a writer that was killed mid-write (issue 24).
        AtomicFileWriter.removeStaleTemporaries(in: path)
        if resume && FileManager.default.fileExists(atPath: manifestPath) {
            let previous = try RunManifest.decode(path: manifestPath)
            if let diff = manifest.difference(from: previous) {
                throw InputError(file: path, "cannot resume here: it holds fits of a different run (\(diff)); use another --out or drop --resume")
            }
            let fits = try readFits(fingerprint: manifest.fingerprint, unitIDs: unitIDs, picks: picks)
            accepted()
            return fits
        }
        if resume && !fitFiles().isEmpty {
            throw InputError(file: path, "cannot resume here: it has fit files but no \(Self.manifestName), so it was not written by gsel")
        }
        accepted()
        // Nothing to clear when resuming into a folder without fits (and so no window in
        // which a `repeat` job of another pair, sharing the folder, loses a fit just written).
        if !resume { clear() }
        try write(manifest: manifest)
        return []
    }
}
