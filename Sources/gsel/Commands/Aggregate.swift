import ArgumentParser
import Foundation
import GSelCore
import GSelIO

/// `gsel aggregate DIR...`: gather fit files from scattered `gsel repeat` jobs.
struct Aggregate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Gather fit files written by `gsel repeat` (or `select`) into the final outputs.",
        discussion: "Each DIR is an --out directory of `gsel repeat` (or its fits/ folder). All must come from the same input and parameters; the result is identical to `gsel select` with the same seed and repeats.")

    @Argument(help: "Directories holding fit files.")
    var directories: [String]

    @Option(name: .long, help: "Output directory.")
    var out: String = "gsel-out"

    @Option(name: .long, help: "Input path, if it moved since the fits were written (checked by SHA-256).")
    var input: String?

    @Option(name: .long, help: "Label file path, if it moved (checked by SHA-256).")
    var labels: String?

    @Option(name: .long, help: "Group file path, if it moved (checked by SHA-256).")
    var groups: String?

    @Option(name: .long, help: "Number of features to report; must match the fits' --k when given.")
    var k: Int?

    @Option(name: .long, help: "Worker threads (default: all cores).")
    var threads: Int?

    @Flag(name: .long, help: "No log output on stderr.")
    var quiet = false

    func run() throws {
        try CommandRunner.run(quiet: quiet) { log in
            guard !directories.isEmpty else { throw UsageError("aggregate needs at least one directory of fit files") }
            let folders = directories.map { dir -> FitDirectory in
                let nested = FitDirectory(outDir: dir)
                return FileManager.default.fileExists(atPath: nested.manifestPath) ? nested : FitDirectory(path: dir)
            }
            var manifest: RunManifest?
            var firstDir = ""
            for folder in folders {
                guard FileManager.default.fileExists(atPath: folder.manifestPath) else {
                    throw InputError(file: folder.path, "no \(FitDirectory.manifestName) here; expected an --out directory of gsel repeat or select")
                }
                let m = try RunManifest.decode(path: folder.manifestPath)
                if let first = manifest, let diff = m.difference(from: first) {
                    throw UsageError("\(folder.path) and \(firstDir) come from different runs: \(diff)")
                }
                if manifest == nil { manifest = m; firstDir = folder.path }
            }
            guard var manifest else { preconditionFailure("at least one directory") }
            func override(_ key: String, _ value: String?) {
                guard let value, let i = manifest.inputArguments.firstIndex(of: key),
                      i + 1 < manifest.inputArguments.count else { return }
                manifest.inputArguments[i + 1] = value
            }
            override("--input", input)
            override("--labels", labels)
            override("--groups", groups)
            let inputOptions = try InputOptions.parse(manifest.inputArguments)
            let selection = try SelectionOptions.parse(manifest.selectionArguments)
            if let k, k != selection.k {
                throw UsageError("--k \(k) differs from the fits' --k \(selection.k); rerun the repeats with --k \(k)")
            }
            let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
            let loaded = try LoadedInput.load(inputOptions, threads: threadCount, log: log)
            guard loaded.inputSHA256 == manifest.inputSHA256, loaded.labelsSHA256 == manifest.labelsSHA256,
                  loaded.groupsSHA256 == manifest.groupsSHA256 else {
                throw UsageError("\(inputOptions.input) (or its label or group file) is not the file the fits were computed from: its SHA-256 differs from the run manifest")
            }
            let pipeline = try SelectionPipeline(input: loaded, options: selection, manifest: manifest, log: log)
            var byName: [String: FitRecord] = [:]
            for folder in folders {
                for fit in try folder.readFits(fingerprint: manifest.fingerprint, featureCount: pipeline.units.count) {
                    byName[FitFile.fileName(pair: fit.pair, half: fit.half)] = fit
                }
            }
            let missing = (1 ... max(selection.repeats, 1)).filter { pair in
                selection.repeats > 0 && (0 ... 1).contains { byName[FitFile.fileName(pair: pair, half: $0)] == nil }
            }
            guard missing.isEmpty else {
                let list = missing.prefix(10).map(String.init).joined(separator: ", ")
                throw UsageError("fits of \(missing.count) pair(s) are missing (pairs \(list)\(missing.count > 10 ? ", …" : "")); run `gsel repeat --pair I` for them")
            }
            let start = Date()
            let fits = try pipeline.runFits(pairs: [0], done: Array(byName.values), fitDirectory: nil, threads: threadCount)
            let result = try pipeline.aggregate(fits)
            try ResultWriter(pipeline: pipeline, result: result, outDir: out,
                             timings: [("load", loaded.loadSeconds), ("reference fit", Date().timeIntervalSince(start)),
                                       ("aggregation and evaluation", result.aggregateSeconds)])
                .writeAll()
            log.info("aggregated \(fits.count) fits into \(out)/ranking.tsv")
        }
    }
}
