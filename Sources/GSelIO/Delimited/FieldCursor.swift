/// Walks the fields of one line in place, without allocating. Fields may be quoted
/// (`"a,b"`, with `""` for a literal quote); spaces around unquoted fields are dropped.
struct FieldCursor {
    /// One field: its bytes inside the line (quotes removed), valid while the line is.
    struct Field {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Whether the field was quoted and contains `""` escapes.
        let hasEscapedQuotes: Bool

        /// The field as a String (escaped quotes resolved).
        var string: String {
            if !hasEscapedQuotes { return String(decoding: bytes, as: UTF8.self) }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                unescaped.append(bytes[i])
                i += bytes[i] == 0x22 ? 2 : 1
            }
            return String(decoding: unescaped, as: UTF8.self)
        }
    }

    private let line: UnsafeBufferPointer<UInt8>
    private let separator: UInt8?
    private var position = 0
    private var finished = false
    /// Number of fields returned so far.
    private(set) var fieldCount = 0

    init(_ line: UnsafeBufferPointer<UInt8>, delimiter: TextDelimiter) {
        self.line = line
        self.separator = delimiter.byte
        if separator == nil {
            skipBlanks()
            finished = position == line.count
        }
    }

    @inline(__always) private func isSeparator(_ b: UInt8) -> Bool {
        if let separator { return b == separator }
        return b == 0x20 || b == 0x09
    }

    private mutating func skipBlanks() {
        while position < line.count && (line[position] == 0x20 || line[position] == 0x09) { position += 1 }
    }

    /// The next field, or nil after the last one.
    @inline(__always)
    mutating func next() throws(FieldSyntaxError) -> Field? {
        if finished { return nil }
        fieldCount += 1
        let n = line.count
        var start = position
        while start < n && line[start] == 0x20 { start += 1 }
        if start < n && line[start] == 0x22 { return try quotedField(from: start) }
        var end = start
        while end < n && !isSeparator(line[end]) { end += 1 }
        advance(past: end)
        while end > start && line[end - 1] == 0x20 { end -= 1 }
        return Field(bytes: UnsafeBufferPointer(rebasing: line[start ..< end]), hasEscapedQuotes: false)
    }

    /// Moves past the separator at `end` (or finishes at the end of the line).
    @inline(__always) private mutating func advance(past end: Int) {
        if end >= line.count {
            position = line.count
            finished = true
            return
        }
        position = end + 1
        if separator == nil {
            skipBlanks()
            finished = position == line.count
        }
    }

    private mutating func quotedField(from quote: Int) throws(FieldSyntaxError) -> Field {
        let n = line.count
        var j = quote + 1
        var escaped = false
        while true {
            while j < n && line[j] != 0x22 { j += 1 }
            if j >= n { throw .unterminatedQuote(field: fieldCount) }
            if j + 1 < n && line[j + 1] == 0x22 { escaped = true; j += 2; continue }
            break
        }
        let content = UnsafeBufferPointer(rebasing: line[(quote + 1) ..< j])
        var after = j + 1
        if separator != nil { while after < n && line[after] == 0x20 { after += 1 } }
        if after < n && !isSeparator(line[after]) { throw .textAfterQuote(field: fieldCount) }
        advance(past: after)
        return Field(bytes: content, hasEscapedQuotes: escaped)
    }

    /// Counts the fields left on the line (for error messages), tolerating bad quoting.
    mutating func countRemaining() -> Int {
        var count = 0
        while true {
            do {
                guard try next() != nil else { return count }
                count += 1
            } catch {
                return count + 1
            }
        }
    }
}
