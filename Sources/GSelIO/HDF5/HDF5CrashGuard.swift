#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The last resort when libhdf5 crashes on a damaged file (libhdf5 1.10 copies from a null
/// address when a symbol-table B-tree is damaged): while gsel is inside a libhdf5 call, a
/// prepared error line is armed; a SIGSEGV, SIGBUS, SIGFPE or SIGABRT then writes it to
/// stderr and ends the process with status 1. Outside armed calls the signal goes on to the
/// handler installed before (the Swift runtime's backtracer), so gsel's own crashes still
/// show as crashes. The handler touches only memory allocated here once and calls only
/// `write` and `_exit`, both async-signal-safe.
enum HDF5CrashGuard {
    private static let capacity = 8192
    private static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    private nonisolated(unsafe) static let message = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    /// Bytes of `message` armed; 0 when disarmed.
    private nonisolated(unsafe) static let length: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()
    /// The handlers installed before, by signal number.
    private nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    private nonisolated(unsafe) static let alternateStack = UnsafeMutableRawPointer.allocate(byteCount: 1 << 16, alignment: 16)

    /// Installs the handler once per process (on an alternate stack: a runaway libhdf5
    /// recursion can exhaust the normal one).
    static let installed: Void = {
        _ = (message, length, previous)
        var stack = stack_t()
        stack.ss_sp = alternateStack
        stack.ss_size = 1 << 16
        sigaltstack(&stack, nil)
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_sigaction = handle
        #else
        action.__sigaction_u.__sa_sigaction = handle
        #endif
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigemptyset(&action.sa_mask)
        for signal in signals { sigaction(signal, &action, previous + Int(signal)) }
    }()

    /// Arms `line` (cut to 8 KB) until `disarm`.
    static func arm(_ line: String) {
        length.pointee = 0
        var line = line
        let count = line.withUTF8 { bytes in
            let n = min(bytes.count, capacity)
            message.update(from: bytes.baseAddress!, count: n)
            return n
        }
        length.pointee = count
    }

    static func disarm() { length.pointee = 0 }

    private static let handle: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { signal, info, context in
        let armed = HDF5CrashGuard.length.pointee
        if armed > 0 {
            _ = write(2, HDF5CrashGuard.message, armed)
            _exit(1)
        }
        let before = HDF5CrashGuard.previous + Int(signal)
        #if canImport(Glibc)
        let chained = before.pointee.__sigaction_handler.sa_sigaction
        let plain = before.pointee.__sigaction_handler.sa_handler
        #else
        let chained = before.pointee.__sigaction_u.__sa_sigaction
        let plain = before.pointee.__sigaction_u.__sa_handler
        #endif
        if before.pointee.sa_flags & SA_SIGINFO != 0, let chained {
            chained(signal, info, context)
            return
        }
        // Default action (or a plain handler): restore it; the faulting instruction runs again.
        _ = plain
        sigaction(signal, before, nil)
    }
}
