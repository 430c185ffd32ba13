/// Walks the fields of one line in place, without allocating. Fields may be quoted
/// (`"a,b"`, with `""` for a literal quote); spaces around unquoted fields are dropped.
struct FieldCursor {
    /// All fields of a line as strings (small tables: labels, groups); a syntax error
    /// becomes an `InputError` at `file`, line `line`, field n.
    static func strings(of line: UnsafeBufferPointer<UInt8>, delimiter: TextDelimiter, file: String, line n: Int) throws -> [String] {
        var cursor = FieldCursor(line, delimiter: delimiter)
        var out: [String] = []
        do {
            while let f = try cursor.next() { out.append(f.string) }
        } catch {
            throw InputError(file: file, location: "line \(n), field \(error.field)", error.message)
        }
        return out
    }

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

    /// Fast path for the common cell: a plain decimal (`-1.25`, `3e-4`; at most 19 digits,
    /// exponent within ±22 after shifting) ending at the separator or the end of the line,
    /// parsed in the same pass that finds the field's end. Returns nil without moving when
    /// the field needs `next()` and `FieldParsing.cellValue` (quotes, spaces, NA, long numbers).
    /// The value equals `FieldParsing.cellValue` of the same field.
    @inline(__always)
    mutating func nextPlainNumber() -> Float? {
        guard !finished, let separator else { return nil }
        let p = line.baseAddress!, n = line.count
        var i = position
        let negative = i < n && p[i] == 0x2d
        if negative { i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, exponent = 0
        while i < n, case let d = p[i] &- 0x30, d < 10 {
            mantissa = mantissa &* 10 &+ UInt64(d); digits += 1; i += 1
        }
        if i < n && p[i] == 0x2e {
            i += 1
            while i < n, case let d = p[i] &- 0x30, d < 10 {
                mantissa = mantissa &* 10 &+ UInt64(d); digits += 1; exponent -= 1; i += 1
            }
        }
        if digits == 0 || digits > 19 { return nil }
        if i < n && (p[i] | 0x20) == 0x65 {
            i += 1
            var expNegative = false
            if i < n && (p[i] == 0x2d || p[i] == 0x2b) { expNegative = p[i] == 0x2d; i += 1 }
            var e = 0, expDigits = 0
            while i < n, case let d = p[i] &- 0x30, d < 10, expDigits < 3 { e = e * 10 + Int(d); expDigits += 1; i += 1 }
            if expDigits == 0 { return nil }
            exponent += expNegative ? -e : e
        }
        if i < n && p[i] != separator { return nil }
        if mantissa > (1 << 53) || exponent < -22 || exponent > 22 { return nil }
        let m = Double(mantissa)
        let v = exponent >= 0 ? m * FieldParsing.powersOfTen[exponent] : m / FieldParsing.powersOfTen[-exponent]
        fieldCount += 1
        if i >= n { position = n; finished = true } else { position = i + 1 }
        return Float(negative ? -v : v)
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
