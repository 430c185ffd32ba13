/// Running summary of one variant's calls, for the QC filters.
struct VariantCallStats {
    var missing = 0
    var called = 0
    /// Alleles in the non-missing calls (sum of their ploidy).
    var alleles = 0
    /// Sum of the non-missing values (ALT allele count, or DS).
    var sum: Double = 0
    var minimum: Float = .infinity
    var maximum: Float = -.infinity

    init() {}

    /// Summary of a run of dosage codes (`DosageMatrix.missing` = missing), all calls taken as
    /// diploid except for `extraAlleles` more (or fewer) alleles in total.
    init(dosages: UnsafeBufferPointer<UInt8>, extraAlleles: Int) {
        // Branch-free with wrapping arithmetic, so the compiler vectorizes it.
        var missing = 0, sum = 0
        var low: UInt8 = .max, high: UInt8 = 0
        for code in dosages {
            let isMissing = code == DosageMatrix.missing
            missing &+= isMissing ? 1 : 0
            let value = isMissing ? 0 : code
            sum &+= Int(value)
            high = Swift.max(high, value)
            low = Swift.min(low, code)
        }
        self.missing = missing
        called = dosages.count - missing
        alleles = 2 * called + extraAlleles
        self.sum = Double(sum)
        if called > 0 {
            minimum = Float(low)
            maximum = Float(high)
        }
    }

    @inline(__always)
    mutating func add(_ value: Float, ploidy: Int) {
        called += 1
        alleles += ploidy
        sum += Double(value)
        minimum = Swift.min(minimum, value)
        maximum = Swift.max(maximum, value)
    }

    /// True when the non-missing calls do not vary (or there are none).
    var isMonomorphic: Bool { called == 0 || minimum == maximum }

    /// Minor allele frequency from the ALT allele count over the called alleles.
    var minorAlleleFrequency: Double {
        guard alleles > 0 else { return 0 }
        let p = sum / Double(alleles)
        return Swift.min(p, 1 - p)
    }
}
