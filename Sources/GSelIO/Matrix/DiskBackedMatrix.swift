#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sample-major store in a file: the `--max-memory` cache of an input too large for
/// memory. n x p values of one element type, one contiguous run per sample, read with
/// `pread`, so minibatch rows come from the page cache (which the kernel reclaims under
/// pressure) and the resident memory of a run stays bounded whatever the input's size. The
/// values are those the in-memory store would hold, so a run gives the same ranking either
/// way. The file is deleted when the store is released.
public final class DiskBackedMatrix: FeatureMatrix, @unchecked Sendable {
    /// How values are stored.
    public enum Element: Sendable {
        /// Float32, NaN = missing (a `DenseMatrix` on disk).
        case float32
        /// UInt8 dosage codes, 255 = missing (a `DosageMatrix` on disk).
        case dosage

        var size: Int { self == .float32 ? 4 : 1 }
    }

    public let rowCount: Int
    public let columnCount: Int
    public let element: Element
    /// The cache file.
    public let path: String
    private let descriptor: Int32

    /// Opens the finished cache `path` (removed on release).
    init(path: String, rows: Int, columns: Int, element: Element) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(file: path, "cannot open the on-disk matrix cache: \(String(cString: strerror(errno)))") }
        self.path = path
        descriptor = fd
        rowCount = rows
        columnCount = columns
        self.element = element
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// Bytes held in memory: none (the values live in the file).
    public var storageBytes: Int { 0 }
    /// Bytes of the cache file.
    public var fileBytes: Int { rowCount * columnCount * element.size }
    public var preferredAxis: MatrixAxis { .samples }

    /// Reads `count` bytes at `offset` into `buffer`, retrying short reads.
    private func read(_ buffer: UnsafeMutableRawPointer, count: Int, offset: Int) {
        var done = 0
        while done < count {
            let n = pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            precondition(n > 0, "\(path): the on-disk matrix cache could not be read (\(String(cString: strerror(errno))))")
            done += n
        }
    }

    public func copyRow(_ row: Int, into out: UnsafeMutablePointer<Float>) {
        let p = columnCount
        switch element {
        case .float32:
            read(out, count: p * 4, offset: row * p * 4)
        case .dosage:
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: p) { codes in
                read(codes.baseAddress!, count: p, offset: row * p)
                for j in 0 ..< p { out[j] = DosageMatrix.value(codes[j]) }
            }
        }
    }

    public func copyColumn(_ column: Int, rows: [Int], into out: UnsafeMutablePointer<Float>) {
        let p = columnCount
        switch element {
        case .float32:
            for (i, r) in rows.enumerated() { read(out + i, count: 4, offset: (r * p + column) * 4) }
        case .dosage:
            var code: UInt8 = 0
            for (i, r) in rows.enumerated() {
                read(&code, count: 1, offset: r * p + column)
                out[i] = DosageMatrix.value(code)
            }
        }
    }
}
