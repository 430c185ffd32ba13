#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams bytes into a temporary file next to `path` and renames it over `path` on `commit()`.
///
/// A reader never sees a half-written file: until `commit()` the data lives under
/// `.<name>.tmp-<pid>-<n>` in the same directory (same file system, so the rename is atomic).
/// If the writer is released without `commit()` the temporary file is removed.
public final class AtomicFileWriter {
    /// Final path of the file.
    public let path: String
    /// Temporary path being written.
    public let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let bufferLimit = 1 << 16
    private var finished = false

    /// Opens a fresh temporary file beside `path` (permissions 0644 minus the umask).
    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !base.isEmpty else { throw OutputError(file: path, "expected a file name, found a directory path") }
        var candidate = ""
        var descriptor: Int32 = -1
        for _ in 0 ..< 100 {
            let tag = String(UInt32.random(in: 0 ... .max), radix: 16)
            candidate = dir + Self.temporaryName(of: base, process: getpid(), tag: tag)
            descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw OutputError(file: path, "cannot create a temporary file in the output directory: \(AtomicFileWriter.lastError())")
        }
        temporaryPath = candidate
        fd = descriptor
        buffer.reserveCapacity(bufferLimit)
    }

    deinit {
        if !finished {
            if fd >= 0 { close(fd) }
            unlink(temporaryPath)
        }
    }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Appends raw bytes.
    public func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= bufferLimit { try flush() }
    }

    /// Appends raw bytes from memory.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= bufferLimit { try flush() }
    }

    /// Flushes, syncs and renames the temporary file to `path`.
    public func commit() throws {
        guard !finished else { return }
        try flush()
        if fsync(fd) != 0 { throw failure("cannot flush the file to disk") }
        if close(fd) != 0 { fd = -1; throw failure("cannot close the file") }
        fd = -1
        if rename(temporaryPath, path) != 0 {
            if errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST {
                abort()
                throw OutputError(file: path, "is a directory; expected a file (or nothing) at this path, where gsel writes a result file")
            }
            throw failure("cannot move the finished file into place")
        }
        finished = true
    }

    /// Drops everything written so far and removes the temporary file.
    public func abort() {
        guard !finished else { return }
        if fd >= 0 { close(fd); fd = -1 }
        unlink(temporaryPath)
        finished = true
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw in
                posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write")
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func failure(_ what: String) -> OutputError {
        let reason = AtomicFileWriter.lastError()
        abort()
        return OutputError(file: path, "\(what): \(reason)")
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// The C `write(2)`, reachable under another name inside a type that has `write` methods.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
