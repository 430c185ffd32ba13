/// Finds the next tab (or tab-or-colon) in VCF sample columns eight bytes at a time
/// (SWAR zero-byte test), so variable field lengths cost no per-byte branches.
enum VCFDelimiterScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let tabs: UInt64 = 0x0909_0909_0909_0909
    private static let colons: UInt64 = 0x3a3a_3a3a_3a3a_3a3a

    /// High bit set in each byte of `word` equal to the byte repeated in `pattern`; the lowest set bit is exact.
    @inline(__always)
    private static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return (x &- ones) & ~x & highs
    }

    /// Index of the first tab at or after `from`, or `end` when there is none.
    @inline(__always)
    static func tab(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
        var q = from
        while q + 8 <= end {
            let hit = matches(UnsafeRawPointer(base + q).loadUnaligned(as: UInt64.self).littleEndian, tabs)
            if hit != 0 { return q + hit.trailingZeroBitCount >> 3 }
            q += 8
        }
        while q < end, base[q] != 0x09 { q += 1 }
        return q
    }

    /// Index of the first tab or colon at or after `from`, or `end` when there is none.
    @inline(__always)
    static func tabOrColon(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
        var q = from
        while q + 8 <= end {
            let word = UnsafeRawPointer(base + q).loadUnaligned(as: UInt64.self).littleEndian
            let hit = matches(word, tabs) | matches(word, colons)
            if hit != 0 { return q + hit.trailingZeroBitCount >> 3 }
            q += 8
        }
        while q < end, base[q] != 0x09, base[q] != 0x3a { q += 1 }
        return q
    }
}
