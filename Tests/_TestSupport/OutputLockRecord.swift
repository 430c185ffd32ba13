import Foundation

/// The lock file a gsel run holds in its output folder (docs/output-folder.md), written by
/// tests to stand for another run.
public enum OutputLockRecord {
    /// This machine's name as gsel records it (`gethostname`).
    public static var host: String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, 255)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A process id above Linux's largest (2^22): never a running process.
    public static let goneProcess: pid_t = 4_194_305

    /// Writes a lock record for `pid` on `host` into `folder` and returns its path.
    @discardableResult
    public static func write(in folder: String, name: String = ".gsel.lock", pid: pid_t, host: String = host) throws -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        try "gsel output lock\npid: \(pid)\nhost: \(host)\nstarted: 2026-12-07T10:00:00Z\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
