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
