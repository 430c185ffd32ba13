#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Removes the lock files this process holds when it is terminated by SIGTERM (a batch
/// system's time limit), SIGINT (Ctrl-C), SIGHUP or SIGPIPE (its log piped into a reader
/// that quit), then lets the signal end the process as before. A workflow's retry, possibly on another host, then finds no lock. Signals that
/// were ignored stay ignored. The handler only reads memory allocated here once and calls
/// `unlink`, `sigaction` and `raise`, which are async-signal-safe.
enum LockSignalCleanup {
    private static let slots = 32
    private static let capacity = Int(PATH_MAX)
    private static let signals: [Int32] = [SIGTERM, SIGINT, SIGHUP, SIGPIPE]
    private nonisolated(unsafe) static let paths = UnsafeMutablePointer<CChar>.allocate(capacity: slots * capacity)
    /// 1 where a slot holds a path.
    private nonisolated(unsafe) static let used: UnsafeMutablePointer<sig_atomic_t> = {
        let p = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: slots)
        p.initialize(repeating: 0, count: slots)
        return p
    }()
    private static let mutex = NSLock()

    private static let installed: Void = {
        _ = (paths, used)
        for signal in signals {
            var previous = sigaction()
            sigaction(signal, nil, &previous)
            #if canImport(Glibc)
            let plain = previous.__sigaction_handler.sa_handler
            #else
            let plain = previous.__sigaction_u.__sa_handler
            #endif
            // Only where the default action (nil) would end the process without a word.
            guard previous.sa_flags & SA_SIGINFO == 0, plain == nil else { continue }
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handle
            #else
            action.__sigaction_u.__sa_handler = handle
            #endif
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }()

    /// Registers `path` (an absolute or working-directory path); nil when every slot is taken
    /// or the path is too long (the lock then stays on a signal, and is taken over as stale).
    static func add(_ path: String) -> Int? {
        _ = installed
        let bytes = Array(path.utf8CString)
        guard bytes.count <= capacity else { return nil }
        mutex.lock()
        defer { mutex.unlock() }
        guard let slot = (0 ..< slots).first(where: { used[$0] == 0 }) else { return nil }
        bytes.withUnsafeBufferPointer { (paths + slot * capacity).update(from: $0.baseAddress!, count: bytes.count) }
        used[slot] = 1
        return slot
    }

    static func remove(_ slot: Int) {
        mutex.lock()
        used[slot] = 0
        mutex.unlock()
    }

    private static let handle: @convention(c) (Int32) -> Void = { number in
        for slot in 0 ..< LockSignalCleanup.slots where LockSignalCleanup.used[slot] != 0 {
            unlink(LockSignalCleanup.paths + slot * LockSignalCleanup.capacity)
        }
        var fallback = sigaction()  // a zero handler is the default action
        sigemptyset(&fallback.sa_mask)
        sigaction(number, &fallback, nil)
        raise(number)
    }
}
