import Foundation
import GSelIO

/// The `--out` directory: checked before any work (so a run into a file or a read-only
/// folder fails at once, naming the path) and created only when there is something to write.
enum OutputDirectory {
    /// Throws an `InputError` when `path` exists but is not a writable directory, or cannot
    /// be created because its nearest existing parent is not a writable directory.
    static func checkWritable(_ path: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw InputError(file: path, "the output directory (--out) is a file; expected a directory or a path to create")
            }
            guard fm.isWritableFile(atPath: path) else {
                throw InputError(file: path, "the output directory (--out) is not writable")
            }
            return
        }
        // The nearest existing ancestor decides whether the directory can be created.
        var url = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        while !fm.fileExists(atPath: url.path, isDirectory: &isDirectory) && url.path != "/" {
            url = url.deletingLastPathComponent()
        }
        let parent = url.path
        guard fm.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(file: path, "cannot create the output directory (--out): \(parent) is not a directory")
        }
        guard fm.isWritableFile(atPath: parent) else {
            throw InputError(file: path, "cannot create the output directory (--out): \(parent) is not writable")
        }
    }

    /// Creates `path` and its parents; the error names the path and the reason.
    static func create(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: path, "cannot create the output directory (--out): \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
        }
    }
}
