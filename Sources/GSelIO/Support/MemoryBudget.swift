import Foundation
#if canImport(Glibc)
import Glibc
private let RLIMIT_AS_RESOURCE = __rlimit_resource_t(RLIMIT_AS.rawValue)
#elseif canImport(Darwin)
import Darwin
private let RLIMIT_AS_RESOURCE = RLIMIT_AS
#endif

/// The `--max-memory` limit on the matrix store. One type so that every reader and the run
/// check the same number, refuse before allocating, and print sizes in the same unit.
public struct MemoryBudget: Sendable, Equatable, Codable {
    /// The limit in bytes; nil = no limit.
    public var bytes: Int?

    public init(bytes: Int? = nil) { self.bytes = bytes }

    /// No limit.
    public static let unlimited = MemoryBudget()

    /// Parses a size such as `512M`, `4G`, `1.5G`, `800MB`, `2T` or a plain byte count (K, M, G
    /// and T are powers of 1024); nil for anything else, including negative, non-finite or
    /// sizes beyond 2^62 bytes.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        var number = Substring(t), scale = 1.0
        for (suffix, factor) in [("T", 0x1p40), ("G", 0x1p30), ("M", 0x1p20), ("K", 0x1p10), ("", 1.0)] {
            if t.hasSuffix(suffix + "B") && !(suffix.isEmpty) { number = t.dropLast(2); scale = factor; break }
            if !suffix.isEmpty && t.hasSuffix(suffix) { number = t.dropLast(1); scale = factor; break }
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." }),
              let value = Double(number), value.isFinite, value * scale >= 1, value * scale <= 0x1p62 else { return nil }
        bytes = Int(value * scale)
    }

    /// Whether a store of `size` bytes fits.
    public func allows(_ size: Int) -> Bool { bytes.map { size <= $0 } ?? true }

    /// Throws an `InputError` on `file` (at `location`) when `what` needs more than the limit.
    /// `size` nil means the size overflowed while it was computed from sizes declared in the file.
    public func check(_ size: Int?, file: String, location: String? = nil, what: String) throws {
        guard let size else {
            throw InputError(file: file, location: location, "\(what) declares a size beyond what any machine can hold; the file is corrupt or not what it claims")
        }
        guard let limit = bytes, size > limit else { return }
        throw InputError(file: file, location: location,
                         "\(what) needs \(Self.format(size)) in memory, more than the --max-memory limit of \(Self.format(limit)); raise --max-memory or reduce the input")
    }

    /// Bytes an id (or name) of a sample or feature is taken to need in memory.
    public static let idBytes = 48
    /// Memory beyond the limit granted to what always stays in memory (ids, per-feature
    /// metadata) when the values go to an on-disk cache.
    public static let metadataAllowance = 256 << 20

    /// What ids and per-feature metadata read record by record (VCF variants) may take in
    /// memory: the limit plus `metadataAllowance`, or without a limit half the memory the
    /// process may have (`machineHalf`).
    public var metadataLimit: Int { bytes.map { $0 + Self.metadataAllowance } ?? Self.machineHalf }

    /// The limit `metadataLimit` stands for, in words for messages.
    public var metadataLimitText: String {
        bytes.map { "--max-memory limit of \(Self.format($0)) plus \(Self.format(Self.metadataAllowance)) for ids" }
            ?? "half of the memory gsel may use (\(Self.format(Self.machineHalf)), without --max-memory)"
    }

    /// Half the machine's memory, or of the process's address-space limit (`ulimit -v`)
    /// when that is lower: the bound of what a run without `--max-memory` takes at once.
    public static let machineHalf: Int = {
        var physical = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        var limit = rlimit()
        if getrlimit(RLIMIT_AS_RESOURCE, &limit) == 0, limit.rlim_cur != rlim_t.max {
            physical = min(physical, Int(clamping: limit.rlim_cur))
        }
        return physical / 2
    }()

    /// Throws like `check` when `count` ids (samples plus features declared in the file)
    /// would need more than the limit plus `metadataAllowance`: ids stay in memory even
    /// when the values are spilled to disk, so a hostile shape is refused before any id is
    /// made.
    public func checkIDs(_ count: Int, file: String, location: String? = nil, what: String) throws {
        guard let size = Self.size(count: count, stride: Self.idBytes) else {
            return try check(nil, file: file, location: location, what: what)
        }
        try MemoryBudget(bytes: bytes.map { $0 + Self.metadataAllowance }).check(size, file: file, location: location, what: what)
    }

    /// Throws like `check(nil, ...)` when `count` elements of `stride` bytes overflow.
    public static func requireCountable(_ count: Int, stride: Int, file: String, location: String? = nil, what: String) throws {
        try MemoryBudget.unlimited.check(size(count: count, stride: stride), file: file, location: location, what: what)
    }

    /// Encoded as the number of bytes, or null for no limit.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        bytes = c.decodeNil() ? nil : try c.decode(Int.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let bytes { try c.encode(bytes) } else { try c.encodeNil() }
    }

    /// `count` elements of `stride` bytes, nil on overflow (for sizes declared in a file).
    public static func size(count: Int, stride: Int) -> Int? {
        guard count >= 0 else { return nil }
        let (product, overflow) = count.multipliedReportingOverflow(by: stride)
        return overflow ? nil : product
    }

    /// Bytes of a CSR store (`SparseMatrix`) of `rows` rows holding `storedValues` values: the
    /// row offsets (Int) and, per value, its column (Int32) and value (Float32). Nil on
    /// overflow (for sizes declared in a file); the one estimate readers check before
    /// allocating and the store reports.
    public static func csrSize(rows: Int, storedValues: Int) -> Int? {
        guard rows >= 0, rows < Int.max else { return nil }
        return sum(size(count: storedValues, stride: MemoryLayout<Int32>.stride + MemoryLayout<Float>.stride),
                   size(count: rows + 1, stride: MemoryLayout<Int>.stride))
    }

    /// `a + b` for sizes from `size(count:stride:)`: nil when either is nil or the sum overflows.
    public static func sum(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b else { return nil }
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : total
    }

    /// Human-readable size in binary units: `512 B`, `1.5 MiB`, `4.0 GiB`.
    public static func format(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = Double(bytes), unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}
