/// The site filters applied while loading a VCF, in order, and how many records each removed:
/// monomorphic (ALT `.` or no variation among the non-missing calls), missing fraction, MAF.
struct VariantQC {
    let samples: Int
    /// Minimum minor-allele frequency and maximum missing fraction (`DecodingSettings`).
    let maf: Double?
    let maxMissing: Double?
    private(set) var records = 0
    private(set) var monomorphic = 0
    /// Of `monomorphic`, the records whose ALT is `.`.
    private(set) var altMissing = 0
    private(set) var tooMuchMissing = 0
    private(set) var rareAllele = 0
    private(set) var kept = 0

    /// The filters `settings` ask for; a threshold out of range is a `ParameterError`.
    init(samples: Int, settings: DecodingSettings) throws {
        try settings.validate()
        self.samples = samples
        self.maf = settings.maf
        self.maxMissing = settings.maxMissing
    }

    /// Counts the record and says whether it passes every filter.
    mutating func keep(altCount: Int, stats: VariantCallStats) -> Bool {
        records += 1
        if altCount == 0 {
            altMissing += 1
            monomorphic += 1
            return false
        }
        if stats.isMonomorphic {
            monomorphic += 1
            return false
        }
        if let maxMissing, Double(stats.missing) / Double(samples) > maxMissing {
            tooMuchMissing += 1
            return false
        }
        if let maf, stats.minorAlleleFrequency < maf {
            rareAllele += 1
            return false
        }
        kept += 1
        return true
    }

    /// `LoadedMatrix.counters` entries: vcf_records = qc_monomorphic + qc_missing + qc_maf + variants_kept.
    var counters: [String: Int] {
        ["vcf_records": records, "qc_monomorphic": monomorphic, "qc_monomorphic_alt_dot": altMissing,
         "qc_missing": tooMuchMissing, "qc_maf": rareAllele, "variants_kept": kept]
    }

    /// One line for the log.
    var note: String {
        var parts = ["\(monomorphic) monomorphic (\(altMissing) with ALT '.')"]
        if let maxMissing { parts.append("\(tooMuchMissing) with missing fraction > \(maxMissing)") }
        if let maf { parts.append("\(rareAllele) with MAF < \(maf)") }
        return "VCF QC: \(records) records, removed " + parts.joined(separator: ", ") + "; \(kept) variants kept"
    }
}
