import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bounds every libhdf5 call in time and memory, and turns a crash inside one into an error.
/// libhdf5 1.10 can loop on damaged metadata without returning (a local heap whose free list
/// points back at itself allocates list nodes until memory runs out) or crash on it (a
/// damaged symbol-table B-tree makes it copy from a null address). Nothing can stop or
/// recover libhdf5 from outside, so:
/// - a watchdog thread watches the call in progress; past its budget it prints one error
///   naming the file and the HDF5 object and ends the process with status 1;
/// - during the call `HDF5CrashGuard` holds a prepared error line; a SIGSEGV, SIGBUS, SIGFPE
///   or SIGABRT prints it and ends the process with status 1.
/// Damage gsel can recognise is refused before libhdf5 sees it (`HDF5GlobalHeap`, declared
/// sizes); this is the bound for the rest.
enum HDF5Watchdog {
    /// What one call may take before the watchdog stops the process.
    struct Budget: Sendable {
        var seconds: Double
        /// Growth of the resident memory of the process during the call.
        var bytes: Int

        /// Opening, looking up and listing objects, reading attributes: 30 s, 256 MiB.
        static let metadata = Budget(seconds: 30, bytes: 256 << 20)
        /// Reading one slab of values (at most `HDF5Dataset.maxReadBytes` converted), measuring
        /// a chunked dataset, listing a group: 300 s, 4 GiB.
        static let data = Budget(seconds: 300, bytes: 4 << 30)
    }

    /// Runs `body`, libhdf5 calls doing `action` ("opening the file", "reading values") on
    /// `object` of `file`, under the watchdog.
    static func guarding<T>(_ file: String, _ object: String, _ action: StaticString, _ budget: Budget = .metadata,
                            _ body: () throws -> T) rethrows -> T {
        let monitor = Monitor.shared
        monitor.enter(Call(file: file, object: object, action: action, budget: budget))
        defer { monitor.leave() }
        return try body()
    }

    /// The call being watched.
    struct Call {
        var file: String
        var object: String
        var action: StaticString
        var budget: Budget
    }

    /// The shared state between callers and the watchdog thread.
    private final class Monitor: @unchecked Sendable {
        static let shared = Monitor()

        private let lock = NSLock()
        private var depth = 0
        private var sequence: UInt64 = 0
        private var call: Call?

        private init() {
            HDF5CrashGuard.installed
            let thread = Thread { [unowned self] in self.watch() }
            thread.name = "gsel HDF5 watchdog"
            thread.qualityOfService = .utility
            thread.start()
        }

        /// Starts watching `call` unless an enclosing call is already watched.
        func enter(_ call: Call) {
            lock.lock()
            if depth == 0 {
                sequence &+= 1
                self.call = call
                Self.arm(call)
            }
            depth += 1
            lock.unlock()
        }

        func leave() {
            lock.lock()
            depth -= 1
            if depth == 0 {
                call = nil
                HDF5CrashGuard.disarm()
            }
            lock.unlock()
        }

        private func snapshot() -> (UInt64, Call?) {
            lock.lock()
            defer { lock.unlock() }
            return (sequence, call)
        }

        /// Polls four times a second; a call is timed from when the watchdog first sees it.
        private func watch() {
            var watched: UInt64 = 0
            var started = Date()
            var startBytes = 0
            while true {
                Thread.sleep(forTimeInterval: 0.25)
                let (current, call) = snapshot()
                guard let call else { continue }
                let resident = Self.residentBytes()
                if current != watched {
                    (watched, started, startBytes) = (current, Date(), resident)
                    continue
                }
                let elapsed = Date().timeIntervalSince(started)
                let grown = resident - startBytes
                if elapsed > call.budget.seconds {
                    stop(call, "libhdf5 did not finish \(call.action) within \(Int(call.budget.seconds)) s")
                } else if grown > call.budget.bytes {
                    stop(call, "libhdf5 took \(grown >> 20) MB of memory \(call.action) without finishing")
                }
            }
        }

        /// Prepares the line the crash handler prints if libhdf5 crashes during `call`.
        private static func arm(_ call: Call) {
            HDF5CrashGuard.arm(errorLine(call, "libhdf5 crashed while \(call.action)"))
        }

        private static func errorLine(_ call: Call, _ what: String) -> String {
            let error = InputError(file: call.file, location: call.object,
                                   "\(what); the file's HDF5 structure is damaged (libhdf5 1.10 can crash or loop forever on a damaged heap or B-tree)")
            return "gsel: error: \(error.description)\n"
        }

        private func stop(_ call: Call, _ what: String) -> Never {
            let line = Array(Self.errorLine(call, what).utf8)
            HDF5CrashGuard.disarm()
            _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            _exit(1)
        }

        /// Resident memory of the process (Linux /proc/self/statm); 0 where it is unknown.
        private static func residentBytes() -> Int {
            guard let file = fopen("/proc/self/statm", "r") else { return 0 }
            defer { fclose(file) }
            var buffer = [UInt8](repeating: 0, count: 128)
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count - 1, file) }
            let fields = String(decoding: buffer.prefix(count), as: UTF8.self).split(separator: " ")
            guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        }
    }
}
