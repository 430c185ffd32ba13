#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GSelReport

/// Complete or absent: an output folder holds a finished run's results only while it holds
/// run.json, which is written last. A run that takes a folder first removes the previous
/// run's run.json and the other result files (`retract`); a run that fails while writing
/// them removes them again. fits/ stays: its files are checked checkpoints for `--resume`.
extension RunOutputs {
    /// The file whose presence says the run finished: written after every other result file.
    public static let completionMarker = "run.json"

    /// Every result file a run may leave in its folder, the completion marker first.
    static var resultNames: [String] {
        [completionMarker] + fileNames.filter { $0 != completionMarker } + [perClassFileName, ChunkWinners.fileName]
    }

    /// Removes the result files in `outDir`, run.json first, and the temporary files of
    /// killed writers. Only regular files (and links) go: a directory in the way stays for
    /// the write to name it.
    static func retract(from outDir: String) {
        for name in resultNames { unlink((outDir as NSString).appendingPathComponent(name)) }
        AtomicFileWriter.removeStaleTemporaries(in: outDir)
    }
}
