import Foundation
import GSelIO

/// The `--out` directory: checked before any work (so a run into a file or a read-only
/// folder fails at once, naming the path) and created only when there is something to write.
enum OutputDirectory {
    /// Throws an `InputError` when `path` exists but is not a writable directory, or cannot
    /// be created because its nearest existing parent is not a writable directory, or when
    /// one of the `subfolders` the run will write (e.g. `fits`) is there as a file.
    static func checkWritable(_ path: String, subfolders: [String] = []) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw InputError(file: path, "the output directory (--out) is a file; expected a directory or a path to create")
            }
            guard fm.isWritableFile(atPath: path) else {
                throw InputError(file: path, "the output directory (--out) is not writable")
            }
            for name in subfolders {
                let sub = (path as NSString).appendingPathComponent(name)
                if fm.fileExists(atPath: sub, isDirectory: &isDirectory), !isDirectory.boolValue {
                    throw InputError(file: sub, "is a file, but gsel writes its \(name) folder here; expected a directory (remove or rename the file)")
                }
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

    /// Creates `path` and its parents (`role` says what the folder is for the message) and
    /// returns the folders it created, outermost first. A file in the way, or any other
    /// failure, is an `InputError` naming the path and what was expected.
    @discardableResult
    static func create(_ path: String, role: String = "the output directory (--out)") throws -> [String] {
        let fm = FileManager.default
        var missing: [String] = []
        var isDirectory: ObjCBool = false
        var url = URL(fileURLWithPath: path).standardizedFileURL
        while !fm.fileExists(atPath: url.path, isDirectory: &isDirectory) && url.path != "/" {
            missing.insert(url.path, at: 0)
            url = url.deletingLastPathComponent()
        }
        guard isDirectory.boolValue else {
            throw InputError(file: path, missing.isEmpty ? "\(role) is a file; expected a directory"
                                                         : "cannot create \(role): \(url.path) is a file; expected a directory")
        }
        do {
            try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: path, "cannot create \(role): \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
        }
        return missing
    }
}
