import Foundation

/// Runs the built `gsel` binary (or another program) and captures its output.
public enum GSelProcess {
    /// Result of one process run.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// True when the process ran past its time limit and was killed.
        public var timedOut = false
    }

    /// The `gsel` executable: `$GSEL_BIN`, else next to the test bundle in the build folder.
    public static var binary: URL {
        if let env = ProcessInfo.processInfo.environment["GSEL_BIN"] { return URL(fileURLWithPath: env) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0 ..< 4 {
            let candidate = dir.appendingPathComponent("gsel")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/release/gsel")
    }

    /// Root of the package checkout (where Package.swift is).
    public static var packageRoot: URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// `TestData/<name>` in the checkout.
    public static func testData(_ name: String) -> String {
        packageRoot.appendingPathComponent("TestData").appendingPathComponent(name).path
    }

    /// Python with the interop packages (`$GSEL_PYTHON`, set by scripts/test.sh), else `python3`.
    public static var python: String {
        ProcessInfo.processInfo.environment["GSEL_PYTHON"] ?? "/usr/bin/env python3"
    }

    /// Runs `gsel` with `arguments`; with `timeLimit`, kills it after that many seconds.
    @discardableResult
    public static func gsel(_ arguments: [String], cwd: URL? = nil, timeLimit: TimeInterval? = nil) throws -> Result {
        try run(binary.path, arguments, cwd: cwd, timeLimit: timeLimit)
    }

    /// Runs an arbitrary executable (absolute path, or a name looked up through /usr/bin/env).
    /// With `timeLimit`, the process is killed after that many seconds and `timedOut` is set:
    /// a guard against hangs, not a timing measurement.
    public static func run(_ executable: String, _ arguments: [String], cwd: URL? = nil,
                           stdin: Data? = nil, timeLimit: TimeInterval? = nil) throws -> Result {
        let p = Process()
        let parts = executable.split(separator: " ").map(String.init)
        if parts[0].hasPrefix("/") {
            p.executableURL = URL(fileURLWithPath: parts[0])
            p.arguments = Array(parts.dropFirst()) + arguments
        } else {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = parts + arguments
        }
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let inPipe = Pipe()
        p.standardInput = inPipe
        try p.run()
        let killed = KillFlag()
        var watchdog: DispatchWorkItem?
        if let timeLimit {
            let pid = p.processIdentifier
            let item = DispatchWorkItem {
                killed.set()
                kill(pid, SIGKILL)
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: item)
            watchdog = item
        }
        if let stdin { inPipe.fileHandleForWriting.write(stdin) }
        try? inPipe.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        watchdog?.cancel()
        return Result(status: p.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self),
                      timedOut: killed.isSet)
    }
}

/// Set by the time-limit watchdog when it kills a process.
private final class KillFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
