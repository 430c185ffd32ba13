import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bounds every libhdf5 call in time and memory. libhdf5 1.10 can loop on damaged metadata
/// without returning: a local heap whose free list points back at itself allocates list
/// nodes until memory runs out, and no error ever reaches gsel. A watchdog thread watches
/// the call in progress; past its budget it prints one error naming the file and the HDF5
/// object, then ends the process with status 1, since nothing can stop libhdf5 from outside.
/// (Damaged global heaps, which made libhdf5 crash or loop, are refused before the call by
/// `HDF5GlobalHeap`; the watchdog is the bound for what no check foresees.)
public enum HDF5Watchdog {
    /// What one call may take before the watchdog stops the process.
    public struct Budget: Sendable {
        public var seconds: Double
        /// Growth of the resident memory of the process during the call.
        public var bytes: Int

        /// Opening, looking up and listing objects, reading attributes: 30 s, 256 MiB.
        public static let metadata = Budget(seconds: 30, bytes: 256 << 20)
        /// Reading one slab of values (at most `HDF5Dataset.maxReadBytes` converted) or
        /// measuring a chunked dataset: 300 s, 4 GiB.
        public static let data = Budget(seconds: 300, bytes: 4 << 30)
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
            }
            depth += 1
            lock.unlock()
        }

        func leave() {
            lock.lock()
            depth -= 1
            if depth == 0 { call = nil }
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

        private func stop(_ call: Call, _ what: String) -> Never {
            let error = InputError(file: call.file, location: call.object,
                                   "\(what); the file's HDF5 structure is damaged (libhdf5 1.10 can loop forever on a damaged heap or B-tree)")
            let line = Array("gsel: error: \(error.description)\n".utf8)
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
