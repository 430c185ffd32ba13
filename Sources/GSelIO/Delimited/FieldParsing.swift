#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Number parsing straight from the bytes of a field, without allocating.
///
/// A cell is a decimal number (`-1.5`, `3`, `2.4e-7`, surrounding spaces allowed) or a
/// missing-value token: the empty field, `NA`, `N/A` or `NaN` in any letter case.
/// The value is the decimal rounded to the nearest Double, then to Float32 — the same
/// result as `numpy.float32(float(text))`. `inf`, hex floats and values beyond the
/// Float32 range are not accepted.
public enum FieldParsing {
    /// Exact powers of ten representable in a Double (Clinger's fast path). A literal, so the
    /// table is statically initialised (no lazy-global check in the hot loop).
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The cell value: a finite Float, NaN for a missing-value token, nil when the text
    /// is not a number (or is outside the Float32 range).
    @inline(__always)
    public static func cellValue(_ field: UnsafeBufferPointer<UInt8>) -> Float? {
        if let v = parseDecimal(field) {
            let f = Float(v)
            return f.isFinite ? f : nil
        }
        return isMissingToken(field) ? .nan : nil
    }

    /// True for the empty field and `NA`, `N/A`, `NaN` (any letter case, spaces around allowed).
    public static func isMissingToken(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        var lo = 0, hi = field.count
        while lo < hi && field[lo] == 0x20 { lo += 1 }
        while hi > lo && field[hi - 1] == 0x20 { hi -= 1 }
        func lower(_ i: Int) -> UInt8 { field[lo + i] | 0x20 }
        switch hi - lo {
        case 0: return true
        case 2: return lower(0) == 0x6e && lower(1) == 0x61                                   // na
        case 3: return (lower(0) == 0x6e && lower(1) == 0x61 && lower(2) == 0x6e)            // nan
            || (lower(0) == 0x6e && field[lo + 1] == 0x2f && lower(2) == 0x61)               // n/a
        default: return false
        }
    }

    /// Parses a plain decimal number (optional sign, digits, optional fraction, optional
    /// exponent, spaces around) to the nearest Double; nil when the text is anything else.
    public static func parseDecimal(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = field.count
        var i = 0
        while i < n && field[i] == 0x20 { i += 1 }
        var end = n
        while end > i && field[end - 1] == 0x20 { end -= 1 }
        if i == end { return nil }
        let start = i
        var negative = false
        if field[i] == 0x2d { negative = true; i += 1 } else if field[i] == 0x2b { i += 1 }
        var mantissa: UInt64 = 0
        var significant = 0       // digits accumulated into the mantissa
        var dropped = false       // a non-zero digit did not fit into the mantissa
        var exponent = 0
        var digits = 0
        while i < end, case let d = field[i] &- 0x30, d < 10 {
            if significant < 19 {
                if mantissa != 0 || d != 0 { mantissa = mantissa * 10 + UInt64(d); significant += 1 }
            } else {
                exponent += 1
                if d != 0 { dropped = true }
            }
            digits += 1
            i += 1
        }
        if i < end && field[i] == 0x2e {
            i += 1
            while i < end, case let d = field[i] &- 0x30, d < 10 {
                if significant < 19 {
                    if mantissa != 0 || d != 0 { mantissa = mantissa * 10 + UInt64(d); significant += 1 }
                    exponent -= 1
                } else if d != 0 {
                    dropped = true
                }
                digits += 1
                i += 1
            }
        }
        if digits == 0 { return nil }
        if i < end && (field[i] | 0x20) == 0x65 {
            i += 1
            var expNegative = false
            if i < end && (field[i] == 0x2d || field[i] == 0x2b) { expNegative = field[i] == 0x2d; i += 1 }
            var e = 0
            var expDigits = 0
            while i < end, case let d = field[i] &- 0x30, d < 10 {
                if e < 100_000 { e = e * 10 + Int(d) }
                expDigits += 1
                i += 1
            }
            if expDigits == 0 { return nil }
            exponent += expNegative ? -e : e
        }
        if i != end { return nil }
        if mantissa == 0 && !dropped { return negative ? -0.0 : 0.0 }
        if !dropped && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
            let m = Double(mantissa)
            let v = exponent >= 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
            return negative ? -v : v
        }
        return slowParse(UnsafeBufferPointer(rebasing: field[start ..< end]))
    }

    /// Correctly rounded conversion by the C library for the rare long or extreme numbers
    /// (the syntax was already checked).
    private static func slowParse(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { buf in
            for k in 0 ..< text.count { buf[k] = CChar(bitPattern: text[k]) }
            buf[text.count] = 0
            let v = strtod(buf.baseAddress!, nil)
            return v.isFinite ? v : nil
        }
    }
}
