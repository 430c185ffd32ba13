#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GSelIO

/// One writer per output folder: a lock file created with `O_EXCL` that records the
/// holder (pid, host, start time; `OutputLockHolder`), removed when the run ends, also on an
/// error or on a terminating signal (`LockSignalCleanup`).
///
/// Roles: `select` and `aggregate` lock their `--out` as `.gsel.lock`; a `repeat` job locks
/// only its pair (`.gsel-pair-<I>.lock`), so jobs of different pairs may share one folder.
/// Another live holder is refused at once, naming the file, its pid and host. A lock whose
/// holder ran on this host and is gone (killed) is taken over with a log line; one from
/// another host cannot be checked and is refused with the advice to remove it.
///
/// The lock is taken at once when the folder exists; a folder that does not exist yet is
/// created (and locked) by `hold()` when the run starts writing, so a run that fails
/// before (bad input) leaves no folder; folders it created are removed on release when empty.
final class OutputLock {
    static let fileName = ".gsel.lock"
    /// The lock of one `repeat` pair in a fits folder shared by several jobs.
    static func pairFileName(_ pair: Int) -> String { ".gsel-pair-\(pair).lock" }

    let directory: String
    let path: String
    private let log: RunLog
    private var file: (dev_t, ino_t)?
    private var createdDirectories: [String] = []
    private var signalSlot: Int?

    /// Refuses a live holder at once; takes the lock now when `directory` exists.
    init(directory: String, name: String = OutputLock.fileName, log: RunLog) throws {
        self.directory = directory
        path = (directory as NSString).appendingPathComponent(name)
        self.log = log
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue {
            try acquire()
        }
    }

    deinit { release() }

    var isHeld: Bool { file != nil }

    /// Takes the lock if this run does not hold it yet, creating the folder: called when the
    /// run starts writing.
    func hold() throws {
        guard !isHeld else { return }
        createdDirectories = try OutputDirectory.create(directory)
        try acquire()
    }

    /// Removes the lock file (if it is still this run's) and the folders `hold()` created
    /// that stayed empty.
    func release() {
        if let slot = signalSlot { LockSignalCleanup.remove(slot); signalSlot = nil }
        if let file, let now = Self.identity(of: path), now == file { unlink(path) }
        file = nil
        for dir in createdDirectories.reversed() { rmdir(dir) }
        createdDirectories = []
    }

    private func acquire() throws {
        let me = OutputLockHolder.current()
        var unreadable = 0
        for _ in 0 ..< 200 {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 {
                defer { close(fd) }
                signalSlot = LockSignalCleanup.add(path)  // at once: a signal from here on removes it
                var bytes = Array(me.record.utf8)
                let written = write(fd, &bytes, bytes.count)
                var info = stat()
                guard written == bytes.count, fsync(fd) == 0, fstat(fd, &info) == 0 else {
                    let reason = String(cString: strerror(errno))
                    unlink(path)
                    if let slot = signalSlot { LockSignalCleanup.remove(slot); signalSlot = nil }
                    throw InputError(file: path, "cannot write the lock file of the output folder: \(reason)")
                }
                file = (info.st_dev, info.st_ino)
                return
            }
            guard errno == EEXIST else {
                throw InputError(file: path, "cannot create the lock file of the output folder: \(String(cString: strerror(errno)))")
            }
            switch try judgeExisting(me) {
            case .retry: continue
            case .unreadable:
                // Created this instant and not yet written: give its writer a moment.
                unreadable += 1
                guard unreadable < 50 else {
                    throw InputError(file: path, "holds no gsel lock record (pid, host); if no gsel run is writing into \(directory), remove this file")
                }
                usleep(20_000)
            }
        }
        throw InputError(file: path, "could not take the lock of the output folder: other gsel runs keep taking it")
    }

    private enum Verdict { case retry, unreadable }

    /// Reads the lock file in the way: throws for a live (or uncheckable) holder, removes a
    /// gone holder's file on this host (under `flock`, so two runs cannot both take it over).
    private func judgeExisting(_ me: OutputLockHolder) throws -> Verdict {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return .retry }
            throw InputError(file: path, "cannot read the lock file of the output folder: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        _ = flock(fd, LOCK_EX)
        var opened = stat()
        guard fstat(fd, &opened) == 0, let now = Self.identity(of: path), now == (opened.st_dev, opened.st_ino) else {
            return .retry  // replaced or removed meanwhile
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(fd, &buffer, buffer.count)
        guard count > 0, let holder = OutputLockHolder(parsing: String(decoding: buffer.prefix(count), as: UTF8.self)) else {
            return .unreadable
        }
        guard holder.host == me.host, !holder.isAlive else {
            throw InputError(file: path, holder.refusal(directory: directory, sameHost: holder.host == me.host))
        }
        log.info("\(path): taking over the lock of a run that is gone (pid \(holder.pid) on this host, started \(holder.started))")
        unlink(path)
        return .retry
    }

    /// Device and inode of the file at `path`, nil when there is none.
    private static func identity(of path: String) -> (dev_t, ino_t)? {
        var info = stat()
        return stat(path, &info) == 0 ? (info.st_dev, info.st_ino) : nil
    }
}
