#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension AtomicFileWriter {
    /// The temporary name of `base` written by `process`: `.<base>.tmp-<pid>-<tag>`.
    static func temporaryName(of base: String, process: pid_t, tag: String) -> String { ".\(base).tmp-\(process)-\(tag)" }

    /// The process id in a `temporaryName`, nil for other names.
    static func writerProcess(ofTemporary name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let parts = name[marker.upperBound...].split(separator: "-")
        guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1], radix: 16) != nil else { return nil }
        return pid
    }

    /// Removes the temporary files in `directory` that a killed writer left behind: those
    /// whose process no longer exists (another live run's files are kept). Returns their names.
    @discardableResult
    public static func removeStaleTemporaries(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().filter { name in
            guard let pid = writerProcess(ofTemporary: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { return false }
            return unlink((directory as NSString).appendingPathComponent(name)) == 0
        }
    }
}
