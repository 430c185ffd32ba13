#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses the decimal numbers of VCF FORMAT fields such as DS without allocating.
enum VCFDecimal {
    private static let powersOfTen: [Double] = (0 ... 22).map { exponent in
        (0 ..< exponent).reduce(1.0) { product, _ in product * 10 }
    }

    /// The value of the bytes, NaN for the missing value `.`, nil when they are not a finite number.
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, count n: Int) -> Float? {
        if n == 1 {
            // Hard-call dosages "0", "1", "2" and the missing value ".".
            if p[0] &- 0x30 < 10 { return Float(p[0] &- 0x30) }
            if p[0] == 0x2e { return .nan }
        }
        var i = 0
        var negative = false
        if n > 0, p[0] == 0x2d || p[0] == 0x2b {
            negative = p[0] == 0x2d
            i = 1
        }
        var mantissa: UInt64 = 0, significant = 0, exponent = 0, digits = 0
        while i < n, p[i] &- 0x30 < 10 {
            if significant < 18 {
                mantissa = mantissa * 10 + UInt64(p[i] &- 0x30)
                if mantissa > 0 { significant += 1 }
            } else {
                exponent += 1
            }
            digits += 1
            i += 1
        }
        if i < n, p[i] == 0x2e {
            i += 1
            while i < n, p[i] &- 0x30 < 10 {
                if significant < 18 {
                    mantissa = mantissa * 10 + UInt64(p[i] &- 0x30)
                    if mantissa > 0 { significant += 1 }
                    exponent -= 1
                }
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return parseSlow(p, count: n) }
        if i < n, p[i] == 0x65 || p[i] == 0x45 {
            i += 1
            var exponentNegative = false
            if i < n, p[i] == 0x2d || p[i] == 0x2b {
                exponentNegative = p[i] == 0x2d
                i += 1
            }
            var written = 0, expDigits = 0
            while i < n, p[i] &- 0x30 < 10 {
                written = min(written * 10 + Int(p[i] &- 0x30), 10_000)
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard i == n else { return nil }
        // Exact when the mantissa fits a double and 10^|exponent| is exact (Clinger's fast path).
        guard significant <= 15, abs(exponent) <= 22 else { return parseSlow(p, count: n) }
        let magnitude = exponent < 0 ? Double(mantissa) / powersOfTen[-exponent] : Double(mantissa) * powersOfTen[exponent]
        let value = Float(negative ? -magnitude : magnitude)
        return value.isFinite ? value : nil
    }

    /// strtof on a NUL-terminated copy, for long mantissas, large exponents, "nan" (missing) and "inf".
    private static func parseSlow(_ p: UnsafePointer<UInt8>, count n: Int) -> Float? {
        guard n > 0, n < 512 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { text -> Float? in
            for i in 0 ..< n { text[i] = CChar(bitPattern: p[i]) }
            text[n] = 0
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtof(text.baseAddress!, &endPointer)
            guard let endPointer, endPointer == text.baseAddress! + n else { return nil }
            if value.isNaN { return .nan }
            return value.isFinite ? value : nil
        }
    }
}
