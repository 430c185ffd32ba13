#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Iterates the lines of a (possibly gzipped) text file without allocating per line.
/// A yielded line is valid until the next call; `\r\n` endings are trimmed.
/// A line longer than `maxLineBytes` is an error, so a file without line breaks (binary
/// data, CR-only endings) cannot grow the buffer without bound.
public final class LineReader {
    /// Longest line accepted by default: 256 MiB, far above a VCF line of a million
    /// samples or a table row of ten million values.
    public static let defaultMaxLineBytes = 256 << 20

    /// The longest line to accept under a `--max-memory` budget (at least 1 MiB).
    public static func maxLineBytes(budget: MemoryBudget) -> Int {
        min(defaultMaxLineBytes, max(budget.bytes ?? .max, 1 << 20))
    }

    public let source: any ByteStream
    /// 1-based number of the line last returned.
    public private(set) var lineNumber = 0
    public let maxLineBytes: Int
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var eof = false

    /// Splits the bytes of an already opened stream (e.g. a `BGZFReader`).
    public init(stream: any ByteStream, chunkSize: Int = 1 << 20, maxLineBytes: Int = defaultMaxLineBytes) {
        source = stream
        self.maxLineBytes = max(maxLineBytes, chunkSize)
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
                guard capacity < maxLineBytes else { throw lineTooLong() }
                let grown = min(capacity * 2, maxLineBytes)
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
                bigger.update(from: buffer, count: end)
                buffer.deallocate()
                buffer = bigger
                capacity = grown
            }
            scanFrom = end
            let n = try source.read(into: buffer + end, capacity: capacity - end)
            if n == 0 { eof = true } else { end += n }
        }
    }

    /// The first line that is not blank (spaces and tabs only), with a UTF-8 byte-order mark
    /// removed from line 1; nil when there is none. Throws when the line is not text
    /// (binary data, another file format, CR-only line endings).
    public func firstNonBlankLine() throws -> UnsafeBufferPointer<UInt8>? {
        while let line = try nextLine() {
            var text = line
            if lineNumber == 1, text.starts(with: Self.byteOrderMark) {
                text = UnsafeBufferPointer(rebasing: text[3...])
            }
            if Self.isBlank(text) { continue }
            if let problem = TextSniffer.problem(firstLine: text) {
                throw InputError(file: path, location: "line \(lineNumber)", problem)
            }
            return text
        }
        return nil
    }

    /// The UTF-8 encoding of U+FEFF, which some editors put before the first line.
    public static let byteOrderMark: [UInt8] = [0xef, 0xbb, 0xbf]

    /// True for a line of only spaces and tabs (or nothing).
    public static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    private func lineTooLong() -> InputError {
        let carriageReturns = memchr(buffer, 0x0d, end) != nil
        let hint = carriageReturns
            ? "it holds carriage returns (\\r) but no line feeds: old Mac (CR-only) line endings? expected LF or CRLF line endings"
            : "expected a text file with line breaks (is this a binary file?)"
        return InputError(file: path, location: "line \(lineNumber + 1)",
                          "no line break within \(maxLineBytes) bytes, the longest line accepted; \(hint)")
    }
}
