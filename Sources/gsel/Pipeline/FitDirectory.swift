import Foundation
import GSelCore
import GSelIO
import GSelReport

/// The `fits/` folder of an output directory: one file per finished fit plus the run
/// manifest, each written atomically, so a killed run loses at most the fits in flight.
struct FitDirectory {
    let path: String
    static let manifestName = "manifest.json"

    init(outDir: String) { path = (outDir as NSString).appendingPathComponent("fits") }
    init(path: String) { self.path = path }

    var manifestPath: String { (path as NSString).appendingPathComponent(Self.manifestName) }

    func create() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(manifest: RunManifest) throws {
        try AtomicFile.write(try manifest.encoded(), to: manifestPath)
    }

    func write(_ fit: FitRecord, manifest: RunManifest, featureIDs: [String]) throws {
        let file = (path as NSString).appendingPathComponent(FitFile.fileName(pair: fit.pair, half: fit.half))
        try AtomicFile.write(FitFile.render(fit, fingerprint: manifest.fingerprint, featureIDs: featureIDs), to: file)
    }

    /// Fit files present, in name order.
    func fitFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasPrefix("fit-") && $0.hasSuffix(".tsv") }.sorted()
            .map { (path as NSString).appendingPathComponent($0) }
    }

    /// Reads every fit file; all must carry `fingerprint`.
    func readFits(fingerprint: String, featureCount: Int) throws -> [FitRecord] {
        try fitFiles().map { file in
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InputError(file: file, "cannot read fit file")
            }
            let (fit, fp) = try FitFile.parse(String(decoding: data, as: UTF8.self), path: file, featureCount: featureCount)
            guard fp == fingerprint else {
                throw InputError(file: file, "this fit belongs to a different run (fingerprint \(fp.prefix(12))…, expected \(fingerprint.prefix(12))…)")
            }
            return fit
        }
    }

    /// Removes fit files and the manifest (a fresh run into a used directory).
    func clear() {
        for f in fitFiles() + [manifestPath] { try? FileManager.default.removeItem(atPath: f) }
    }
}

extension FitDirectory {
    /// Readies the folder for a run: with `resume`, checks that a manifest already there
    /// describes the same run and returns its finished fits; without, starts afresh.
    func prepare(manifest: RunManifest, resume: Bool, featureCount: Int, command: String) throws -> [FitRecord] {
        let fm = FileManager.default
        if resume && fm.fileExists(atPath: manifestPath) {
            let previous = try RunManifest.decode(path: manifestPath)
            if let diff = manifest.difference(from: previous) {
                throw UsageError("cannot resume into \(path): it holds fits of a different run (\(diff)); use another --out or drop --resume")
            }
            return try readFits(fingerprint: manifest.fingerprint, featureCount: featureCount)
        }
        if resume && !fitFiles().isEmpty {
            throw UsageError("cannot resume into \(path): it has fit files but no \(Self.manifestName), so it was not written by gsel \(command)")
        }
        clear()
        try create()
        try write(manifest: manifest)
        return []
    }
}
