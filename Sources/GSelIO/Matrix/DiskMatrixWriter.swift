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
/// temporary directory by default) and are removed with the store.
public final class DiskMatrixWriter {
    /// The axis the input arrives in.
    public enum Order: Sendable { case samples, features }

    public let order: Order
    public let element: DiskBackedMatrix.Element
    /// Values per appended record (p for sample rows, n for feature columns).
    public let recordLength: Int
    private(set) public var records = 0
    private let path: String
    private let handle: FileHandle
    private var pending: [UInt8] = []
    private let source: String
    private static let flushBytes = 4 << 20

    /// Starts a cache for records of `recordLength` values; `source` names the input in errors.
    public init(order: Order, element: DiskBackedMatrix.Element, recordLength: Int, source: String,
                directory: String = NSTemporaryDirectory()) throws {
        self.order = order
        self.element = element
        self.recordLength = recordLength
        self.source = source
        path = (directory as NSString).appendingPathComponent("gsel-cache-\(getpid())-\(UUID().uuidString).bin")
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
            throw InputError(file: source, "cannot create the on-disk matrix cache in \(directory) (set TMPDIR to a writable folder with room for the matrix)")
        }
        handle = h
    }

    deinit { try? handle.close() }

    /// Appends one record of Float32 values (`element` .float32).
    public func append(_ values: UnsafeBufferPointer<Float>) throws {
        precondition(element == .float32 && values.count == recordLength)
        pending.append(contentsOf: UnsafeRawBufferPointer(values))
        try recordAppended()
    }

    /// Appends one record of dosage codes (`element` .dosage).
    public func append(_ codes: UnsafeBufferPointer<UInt8>) throws {
        precondition(element == .dosage && codes.count == recordLength)
        pending.append(contentsOf: codes)
        try recordAppended()
    }

    private func recordAppended() throws {
        records += 1
        if pending.count >= Self.flushBytes { try flush() }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        do { try handle.write(contentsOf: pending) } catch {
            throw InputError(file: source, "cannot write the on-disk matrix cache \(path): \(error.localizedDescription) (is the disk full? set TMPDIR)")
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Finishes the cache: a sample-major store of `records` x `recordLength` (samples order)
    /// or `recordLength` x `records` (features order, transposed in blocks of at most
    /// `transposeBytes`).
    public func finish(transposeBytes: Int = 64 << 20) throws -> DiskBackedMatrix {
        try flush()
        try handle.close()
        switch order {
        case .samples:
            return try DiskBackedMatrix(path: path, rows: records, columns: recordLength, element: element)
        case .features:
            defer { unlink(path) }
            let target = path + ".samples"
            try Self.transpose(path, into: target, features: records, samples: recordLength, element: element,
                               blockBytes: transposeBytes, source: source)
            return try DiskBackedMatrix(path: target, rows: recordLength, columns: records, element: element)
        }
    }

    /// Rewrites a feature-major file (`features` runs of `samples` values) as sample-major,
    /// a block of features at a time: each block is read once and written as one piece per sample.
    private static func transpose(_ source: String, into target: String, features p: Int, samples n: Int,
                                  element: DiskBackedMatrix.Element, blockBytes: Int, source name: String) throws {
        let size = element.size
        let input = open(source, O_RDONLY), output = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { if input >= 0 { close(input) }; if output >= 0 { close(output) } }
        guard input >= 0, output >= 0 else {
            throw InputError(file: name, "cannot transpose the on-disk matrix cache: \(String(cString: strerror(errno)))")
        }
        let blockFeatures = max(1, min(p, blockBytes / max(1, n * size)))
        var block = [UInt8](repeating: 0, count: blockFeatures * n * size)
        var row = [UInt8](repeating: 0, count: blockFeatures * size)
        for f0 in stride(from: 0, to: p, by: blockFeatures) {
            let count = min(blockFeatures, p - f0)
            try block.withUnsafeMutableBytes { b in
                try io(pread, input, b.baseAddress!, count * n * size, f0 * n * size, name)
            }
            for i in 0 ..< n {
                for f in 0 ..< count {
                    for e in 0 ..< size { row[f * size + e] = block[(f * n + i) * size + e] }
                }
                try row.withUnsafeMutableBytes { r in
                    try io({ pwrite($0, $1, $2, $3) }, output, r.baseAddress!, count * size, (i * p + f0) * size, name)
                }
            }
        }
    }

    /// Runs a positional read or write to completion.
    private static func io(_ call: (Int32, UnsafeMutableRawPointer, Int, off_t) -> Int, _ fd: Int32,
                           _ buffer: UnsafeMutableRawPointer, _ count: Int, _ offset: Int, _ name: String) throws {
        var done = 0
        while done < count {
            let n = call(fd, buffer + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw InputError(file: name, "the on-disk matrix cache failed: \(n < 0 ? String(cString: strerror(errno)) : "unexpected end of file") (is the disk full? set TMPDIR)")
            }
            done += n
        }
    }
}
