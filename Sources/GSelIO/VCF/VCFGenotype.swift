/// Decodes a VCF GT value into an ALT-allele dosage.
enum VCFGenotype {
    /// The largest ploidy whose ALT allele count a dosage code holds (255 means missing).
    static let maxPloidy = 254

    /// The dosage when the bytes start with the common diploid single-digit call ("0/1", "1|1")
    /// followed by a field end; nil otherwise (then `decode` handles it).
    @inline(__always)
    static func diploidDigits(_ p: UnsafePointer<UInt8>, available: Int, alleles: Int) -> UInt8? {
        guard available >= 3 else { return nil }
        let a = p[0] &- 0x30, separator = p[1], b = p[2] &- 0x30
        guard a < 10, b < 10, separator == 0x2f || separator == 0x7c, Int(a) <= alleles, Int(b) <= alleles else { return nil }
        if available > 3, p[3] != 0x3a, p[3] != 0x09 { return nil }
        return (a == 0 ? 0 : 1) &+ (b == 0 ? 0 : 1)
    }

    /// Alleles in a GT value (separators + 1, a VCF 4.4 leading phasing marker not counted);
    /// nil for an empty value.
    static func ploidy(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !value.isEmpty else { return nil }
        var separators = 0
        for (i, byte) in value.enumerated() where (byte == 0x2f || byte == 0x7c) && i > 0 { separators += 1 }
        return separators + 1
    }

    /// Dosage = number of non-REF alleles (any ALT allele counts, so `1/2` is 2; haploid `1` is 1),
    /// with the ploidy of the call. Any `.` allele (`./.`, `.`, `0/.`) gives `DosageMatrix.missing`.
    /// Nil when the bytes are not a genotype, or name an allele above `alleles` (the ALT count).
    static func decode(_ p: UnsafePointer<UInt8>, count n: Int, alleles: Int) -> (dosage: UInt8, ploidy: Int)? {
        var i = 0
        // VCF 4.4 allows a leading phasing marker ("|0|1", "/1").
        if n > 1, p[0] == 0x2f || p[0] == 0x7c { i = 1 }
        var dosage = 0, ploidy = 0, missing = false
        while true {
            guard i < n else { return nil }
            if p[i] == 0x2e {
                missing = true
                i += 1
            } else {
                var allele = 0, digits = 0
                while i < n, p[i] &- 0x30 < 10 {
                    allele = allele * 10 + Int(p[i] &- 0x30)
                    guard allele <= alleles else { return nil }
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return nil }
                if allele != 0 { dosage += 1 }
            }
            ploidy += 1
            if i == n { break }
            guard p[i] == 0x2f || p[i] == 0x7c else { return nil }
            i += 1
        }
        return (missing ? DosageMatrix.missing : UInt8(min(dosage, 254)), ploidy)
    }
}
