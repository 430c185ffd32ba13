#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Iterates the lines of a (possibly gzipped) text file without allocating per line.
/// A yielded line is valid until the next call; `\r\n` endings are trimmed.
public final class LineReader {
    public let source: any ByteStream
    /// 1-based number of the line last returned.
    public private(set) var lineNumber = 0
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var eof = false

    /// Splits the bytes of an already opened stream (e.g. a `BGZFReader`).
    public init(stream: any ByteStream, chunkSize: Int = 1 << 20) {
        source = stream
        capacity = chunkSize
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    public var path: String { source.path }

    /// The next line without its terminator, or nil at end of file.
    public func nextLine() throws -> UnsafeBufferPointer<UInt8>? {
        var scanFrom = start
        while true {
            if let nl = memchr(buffer + scanFrom, 0x0a, end - scanFrom) {
                let pos = buffer.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                var lineEnd = pos
                if lineEnd > start && buffer[lineEnd - 1] == 0x0d { lineEnd -= 1 }
                let line = UnsafeBufferPointer(start: buffer + start, count: lineEnd - start)
                start = pos + 1
                lineNumber += 1
                return line
            }
            if eof {
                if start == end { return nil }
                var lineEnd = end
                if buffer[lineEnd - 1] == 0x0d { lineEnd -= 1 }
                let line = UnsafeBufferPointer(start: buffer + start, count: lineEnd - start)
                start = end
                lineNumber += 1
                return line
            }
            // Move the partial line to the front, grow if one line fills the buffer.
            let pending = end - start
            if start > 0 {
                memmove(buffer, buffer + start, pending)
                start = 0
                end = pending
            }
            if end == capacity {
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                bigger.update(from: buffer, count: end)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            scanFrom = end
            let n = try source.read(into: buffer + end, capacity: capacity - end)
            if n == 0 { eof = true } else { end += n }
        }
    }
}
