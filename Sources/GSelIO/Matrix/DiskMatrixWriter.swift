import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a `DiskBackedMatrix` while a reader streams its input: rows appended in order
/// for inputs organised by samples, or features appended in order for inputs organised by
/// features (VCF, features-by-samples tables), which a final pass transposes into sample
/// blocks using at most `transposeBytes` of memory. Files go to `directory` (the system's
/// temporary directory, `TMPDIR`, by default) and lose their name as soon as they are
/// created: the open descriptor keeps the data until the store (or an unfinished writer) is
/// released, so a failed, killed or finished run leaves nothing behind.
public final class DiskMatrixWriter {
    /// The axis the input arrives in.
    public enum Order: Sendable { case samples, features }

    /// May change until `finish`: a table learns its orientation only at its end.
    public var order: Order
    public let element: DiskBackedMatrix.Element
    /// Values per appended record (p for sample rows, n for feature columns).
    public let recordLength: Int
    private(set) public var records = 0
    /// The cache file's name while it was created (removed at once; shown in logs).
    public let path: String
    private var descriptor: Int32
    private var written = 0
    private var pending: [UInt8] = []
    private let source: String
    private var finished = false
    private static let flushBytes = 4 << 20

    /// Starts a cache for records of `recordLength` values; `source` names the input in errors.
    /// With `expectedBytes` (the store's size, when known before reading) a folder without
    /// room for the cache (twice that when it is transposed) is refused before writing.
    public init(order: Order, element: DiskBackedMatrix.Element, recordLength: Int, source: String,
                directory: String = NSTemporaryDirectory(), expectedBytes: Int? = nil) throws {
        self.order = order
        self.element = element
        self.recordLength = recordLength
        self.source = source
        path = (directory as NSString).appendingPathComponent("gsel-cache-\(getpid())-\(UUID().uuidString).bin")
        if let expectedBytes {
            let doubled = expectedBytes.multipliedReportingOverflow(by: 2)
            let needed = order == .samples ? expectedBytes : doubled.overflow ? .max : doubled.partialValue
            var fs = statvfs()
            if statvfs(directory, &fs) == 0, Int(fs.f_bavail) < needed / max(1, Int(fs.f_frsize)) {
                throw InputError(file: source, "the on-disk matrix cache needs \(MemoryBudget.format(needed)) in \(directory), which has \(MemoryBudget.format(Int(fs.f_bavail) * Int(fs.f_frsize))) free; set TMPDIR to a folder with room for the matrix, or raise --max-memory")
            }
        }
        descriptor = try Self.createUnlinked(path, source: source)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Creates `path` for reading and writing and removes its name at once.
    private static func createUnlinked(_ path: String, source: String) throws -> Int32 {
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw InputError(file: source, "cannot create the on-disk matrix cache \(path): \(String(cString: strerror(errno))) (set TMPDIR to a writable folder with room for the matrix)")
        }
        unlink(path)
        return fd
    }

    /// Appends one record of Float32 values (`element` .float32).
    public func append(_ values: UnsafeBufferPointer<Float>) throws {
        precondition(element == .float32 && values.count == recordLength)
        try append(records: UnsafeRawBufferPointer(values))
    }

    /// Appends one record of dosage codes (`element` .dosage).
    public func append(_ codes: UnsafeBufferPointer<UInt8>) throws {
        precondition(element == .dosage && codes.count == recordLength)
        try append(records: UnsafeRawBufferPointer(codes))
    }

    /// Appends whole records as raw bytes of `element` (a multiple of `recordLength` values).
    /// Small appends gather in a buffer of at most `flushBytes`; a large one is written as it is.
    public func append(records bytes: UnsafeRawBufferPointer) throws {
        let recordBytes = recordLength * element.size
        precondition(recordBytes > 0 && bytes.count % recordBytes == 0, "DiskMatrixWriter: partial record")
        records += bytes.count / recordBytes
        if pending.count + bytes.count > Self.flushBytes { try flush() }
        if bytes.count >= Self.flushBytes {
            try write(bytes)
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        try pending.withUnsafeBytes { try write($0) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` at the end of the cache.
    private func write(_ bytes: UnsafeRawBufferPointer) throws {
        try Self.io({ pwrite($0, $1, $2, $3) }, descriptor, UnsafeMutableRawPointer(mutating: bytes.baseAddress!), bytes.count,
                    written, cache: path, source: source)
        written += bytes.count
    }

    /// Finishes the cache: a sample-major store of `records` x `recordLength` (samples order)
    /// or `recordLength` x `records` (features order, transposed in blocks of at most
    /// `transposeBytes`), whose working copies are bounded by `workingCopyLimit`.
    public func finish(transposeBytes: Int = 64 << 20, workingCopyLimit: Int? = nil) throws -> DiskBackedMatrix {
        precondition(!finished, "DiskMatrixWriter: finished twice")
        try flush()
        finished = true
        switch order {
        case .samples:
            defer { descriptor = -1 }  // handed to the store
            return DiskBackedMatrix(descriptor: descriptor, path: path, rows: records, columns: recordLength,
                                    element: element, workingCopyLimit: workingCopyLimit)
        case .features:
            let target = path + ".samples"
            let output = try Self.createUnlinked(target, source: source)
            do {
                try Self.transpose(descriptor, path, into: output, target, features: records, samples: recordLength,
                                   element: element, blockBytes: transposeBytes, name: source)
            } catch {
                close(output)
                throw error
            }
            close(descriptor)  // the feature-major file's space is freed now
            descriptor = -1
            return DiskBackedMatrix(descriptor: output, path: target, rows: recordLength, columns: records,
                                    element: element, workingCopyLimit: workingCopyLimit)
        }
    }

    /// Rewrites a feature-major file (`features` runs of `samples` values) as sample-major,
    /// a block of features at a time: each block is read once and written as one piece per sample.
    private static func transpose(_ input: Int32, _ source: String, into output: Int32, _ target: String,
                                  features p: Int, samples n: Int, element: DiskBackedMatrix.Element,
                                  blockBytes: Int, name: String) throws {
        let size = element.size
        let blockFeatures = max(1, min(p, blockBytes / max(1, n * size)))
        var block = [UInt8](repeating: 0, count: blockFeatures * n * size)
        var row = [UInt8](repeating: 0, count: blockFeatures * size)
        for f0 in stride(from: 0, to: p, by: blockFeatures) {
            let count = min(blockFeatures, p - f0)
            try block.withUnsafeMutableBytes { b in
                try io(pread, input, b.baseAddress!, count * n * size, f0 * n * size, cache: source, source: name)
            }
            for i in 0 ..< n {
                for f in 0 ..< count {
                    for e in 0 ..< size { row[f * size + e] = block[(f * n + i) * size + e] }
                }
                try row.withUnsafeMutableBytes { r in
                    try io({ pwrite($0, $1, $2, $3) }, output, r.baseAddress!, count * size, (i * p + f0) * size,
                           cache: target, source: name)
                }
            }
        }
    }

    /// Runs a positional read or write of the cache file `cache` to completion; errors name
    /// the input `source` and the cache file.
    private static func io(_ call: (Int32, UnsafeMutableRawPointer, Int, off_t) -> Int, _ fd: Int32,
                           _ buffer: UnsafeMutableRawPointer, _ count: Int, _ offset: Int,
                           cache: String, source: String) throws {
        var done = 0
        while done < count {
            let n = call(fd, buffer + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let reason = n < 0 ? String(cString: strerror(errno)) : "unexpected end of file"
                throw InputError(file: source, "the on-disk matrix cache \(cache) failed: \(reason) (is the disk full? set TMPDIR to a folder with room for the matrix)")
            }
            done += n
        }
    }
}
