#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Who holds an output folder's lock: the record in the lock file, one `key: value` per line:
/// ```
/// gsel output lock
/// pid: 12345
/// host: node17
/// started: 2026-12-07T10:00:00Z
/// ```
struct OutputLockHolder: Equatable {
    var pid: pid_t
    var host: String
    var started: String

    /// This process.
    static func current() -> OutputLockHolder {
        let started = ISO8601DateFormatter().string(from: Date())
        return OutputLockHolder(pid: getpid(), host: hostName(), started: started)
    }

    /// This machine's host name (`gethostname`, no DNS lookup).
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    init(pid: pid_t, host: String, started: String) {
        self.pid = pid
        self.host = host
        self.started = started
    }

    /// Parses a lock record; nil unless it names a positive pid and a host.
    init?(parsing text: String) {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let pid = fields["pid"].flatMap({ pid_t($0) }), pid > 0, let host = fields["host"], !host.isEmpty else {
            return nil
        }
        self.init(pid: pid, host: host, started: fields["started"] ?? "at an unknown time")
    }

    var record: String { "gsel output lock\npid: \(pid)\nhost: \(host)\nstarted: \(started)\n" }

    /// Whether the process still runs on this host (a zombie, finished but not reaped, does not).
    var isAlive: Bool {
        if pid == getpid() { return true }
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        // /proc/<pid>/stat: "pid (name) S ..."; Linux only, elsewhere the process counts as alive.
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return true }
        return stat[end...].dropFirst().trimmingCharacters(in: .whitespaces).first != "Z"
    }

    /// The one-line refusal for a run into a folder this holder has locked.
    func refusal(directory: String, sameHost: Bool) -> String {
        let who = "another gsel run (pid \(pid) on host \(host), started \(started)) is writing into \(directory)"
        return sameHost
            ? "\(who); wait for it to finish or use another --out"
            : "\(who); gsel cannot check a process on another host: wait for it, use another --out, or remove this file if that run is gone"
    }
}
