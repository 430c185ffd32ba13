#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses VCF data lines in place: locates the fixed columns, finds one FORMAT field
/// (GT or DS, anywhere in the FORMAT order) and decodes it for every sample.
/// Only the small id strings of a variant are ever allocated.
struct VCFLineParser {
    let path: String
    let sampleIDs: [String]
    /// The FORMAT field to decode, as bytes ("GT" or "DS").
    let field: [UInt8]
    private var cachedFormat: [UInt8] = [0]
    private var cachedIndex: Int?
    /// Position of GT in the FORMAT last given to `fieldIndex` (for the ploidy of DS values).
    private var cachedGenotypeIndex: Int?
    private var chromBytes: [UInt8] = []
    private var chromString = ""

    init(path: String, sampleIDs: [String], field: String) {
        self.path = path
        self.sampleIDs = sampleIDs
        self.field = Array(field.utf8)
    }

    /// The largest POS: VCF and BCF positions are 32-bit signed integers.
    static let maxPosition = Int(Int32.max)

    private var expectedColumns: Int { VCFHeader.fixedColumns.count + sampleIDs.count }

    /// The fixed columns of `line`, checked: at least 9 columns and an integer POS.
    func record(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws -> VCFRecord {
        let base = line.baseAddress!
        var tabs = (0, 0, 0, 0, 0, 0, 0, 0, 0)
        try withUnsafeMutableBytes(of: &tabs) { raw in
            let tab = raw.bindMemory(to: Int.self)
            var from = 0
            for i in 0 ..< 9 {
                guard from <= line.count, let hit = memchr(base + from, 0x09, line.count - from) else {
                    throw InputError(file: path, location: "line \(lineNumber)",
                                     "data line has \(i + 1) columns, expected \(expectedColumns) (9 fixed columns + \(sampleIDs.count) samples as in the #CHROM header)")
                }
                tab[i] = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                from = tab[i] + 1
            }
        }
        let posRange = tabs.0 + 1 ..< tabs.1
        var pos = 0
        for i in posRange {
            let digit = base[i] &- 0x30
            guard digit < 10 else {
                throw InputError(file: path, location: "line \(lineNumber), column POS",
                                 "POS \"\(text(line, posRange))\" is not a position, expected a positive integer")
            }
            pos = min(pos * 10 + Int(digit), Self.maxPosition + 1)
        }
        guard !posRange.isEmpty else {
            throw InputError(file: path, location: "line \(lineNumber), column POS", "POS is empty, expected a positive integer")
        }
        guard pos <= Self.maxPosition else {
            throw InputError(file: path, location: "line \(lineNumber), column POS",
                             "POS \(MessageText.value(text(line, posRange))) is beyond the largest VCF position, 2^31-1 = \(Self.maxPosition) (as bcftools and PLINK 2 require)")
        }
        let alt = tabs.3 + 1 ..< tabs.4
        var altCount = 0
        if !(alt.count == 1 && base[alt.lowerBound] == 0x2e) {
            altCount = 1
            for i in alt where base[i] == 0x2c { altCount += 1 }
        }
        return VCFRecord(chrom: 0 ..< tabs.0, pos: pos, id: tabs.1 + 1 ..< tabs.2, ref: tabs.2 + 1 ..< tabs.3,
                         alt: alt, format: tabs.7 + 1 ..< tabs.8, samplesStart: tabs.8 + 1, altCount: altCount)
    }

    /// Position of the requested field in this record's FORMAT, nil when absent. Cached across
    /// records with the same FORMAT.
    mutating func fieldIndex(_ line: UnsafeBufferPointer<UInt8>, _ record: VCFRecord) -> Int? {
        let format = UnsafeBufferPointer(rebasing: line[record.format])
        if format.count == cachedFormat.count, memcmp(format.baseAddress!, cachedFormat, format.count) == 0 {
            return cachedIndex
        }
        cachedFormat = Array(format)
        let keys = format.split(separator: 0x3a, omittingEmptySubsequences: false)
        cachedIndex = keys.firstIndex { $0.elementsEqual(field) }
        cachedGenotypeIndex = keys.firstIndex { $0.elementsEqual("GT".utf8) }
        return cachedIndex
    }

    /// Decodes GT of every sample into `out[0 ..< samples]` as dosages (`DosageMatrix.missing` for missing).
    func decodeGenotypes(_ line: UnsafeBufferPointer<UInt8>, _ record: VCFRecord, fieldIndex: Int?,
                         lineNumber: Int, into out: UnsafeMutablePointer<UInt8>) throws -> VariantCallStats {
        let base = line.baseAddress!, end = line.count
        let alleles = record.altCount
        // Alleles beyond two per non-missing call (haploid calls count -1), for allele frequencies.
        var extraAlleles = 0
        try forEachSample(line, record, fieldIndex: fieldIndex, lineNumber: lineNumber) { sample, start, _ in
            guard start >= 0 else {
                out[sample] = DosageMatrix.missing
                return start
            }
            if let dosage = VCFGenotype.diploidDigits(base + start, available: end &- start, alleles: alleles) {
                out[sample] = dosage
                return start &+ 3
            }
            let valueEnd = VCFDelimiterScan.tabOrColon(base, from: start, end: end)
            guard let (dosage, ploidy) = VCFGenotype.decode(base + start, count: valueEnd - start, alleles: alleles) else {
                throw InputError(file: path, location: "line \(lineNumber), sample \(sampleIDs[sample])",
                                 "GT \"\(text(line, start ..< valueEnd))\" is not a genotype: expected allele indices 0..\(alleles) (REF + \(alleles) ALT) separated by / or |, with . for missing")
            }
            guard ploidy <= VCFGenotype.maxPloidy else {
                throw InputError(file: path, location: "line \(lineNumber), sample \(sampleIDs[sample])",
                                 "GT has \(ploidy) alleles; expected a ploidy of at most \(VCFGenotype.maxPloidy) (dosages are stored in one byte)")
            }
            out[sample] = dosage
            if ploidy != 2, dosage != DosageMatrix.missing { extraAlleles += ploidy - 2 }
            return valueEnd
        }
        return VariantCallStats(dosages: UnsafeBufferPointer(start: out, count: sampleIDs.count), extraAlleles: extraAlleles)
    }

    /// Decodes DS of every sample into `out[0 ..< samples]` (NaN for missing). A dosage
    /// outside [0, ploidy] is refused (as PLINK 2 does), the ploidy being the number of
    /// alleles in the sample's GT when FORMAT has GT (as `fieldIndex` saw it), else 2.
    func decodeDosages(_ line: UnsafeBufferPointer<UInt8>, _ record: VCFRecord, fieldIndex: Int?,
                       lineNumber: Int, into out: UnsafeMutablePointer<Float>) throws -> VariantCallStats {
        let base = line.baseAddress!, end = line.count
        var stats = VariantCallStats()
        try forEachSample(line, record, fieldIndex: fieldIndex, lineNumber: lineNumber) { sample, start, column in
            guard start >= 0 else {
                out[sample] = .nan
                stats.missing += 1
                return start
            }
            let valueEnd = VCFDelimiterScan.tabOrColon(base, from: start, end: end)
            guard let dosage = VCFDecimal.parse(base + start, count: valueEnd - start) else {
                throw InputError(file: path, location: "line \(lineNumber), sample \(sampleIDs[sample])",
                                 "\(String(decoding: field, as: UTF8.self)) \"\(text(line, start ..< valueEnd))\" is not a number, expected a dosage such as 0.97 or . for missing")
            }
            out[sample] = dosage
            if dosage.isNaN {
                stats.missing += 1
                return valueEnd
            }
            // Every call has at least one allele, so only a value above 1 needs the GT's ploidy.
            var ploidy = 2
            if !(dosage >= 0 && dosage <= 1) {
                if let gt = cachedGenotypeIndex, let found = genotypePloidy(line, column: column, fieldIndex: gt) { ploidy = found }
                guard dosage >= 0 && dosage <= Float(ploidy) else {
                    let source = cachedGenotypeIndex == nil ? "FORMAT has no GT, so the call is taken as diploid"
                        : ploidy == 1 ? "the GT is haploid" : ploidy == 2 ? "the GT is diploid" : "the GT has ploidy \(ploidy)"
                    throw InputError(file: path, location: "line \(lineNumber), sample \(sampleIDs[sample])",
                                     "\(String(decoding: field, as: UTF8.self)) \(text(line, start ..< valueEnd)) is outside [0, \(ploidy)] (\(source)); expected an ALT allele dosage between 0 and the ploidy")
                }
            }
            stats.add(dosage, ploidy: ploidy)
            return valueEnd
        }
        return stats
    }

    /// The ploidy of the GT at `fieldIndex` in the sample column starting at `column` (its
    /// alleles, missing ones included), nil when the column has no GT value.
    private func genotypePloidy(_ line: UnsafeBufferPointer<UInt8>, column: Int, fieldIndex: Int) -> Int? {
        let base = line.baseAddress!, end = line.count
        var q = column
        for _ in 0 ..< fieldIndex {
            q = VCFDelimiterScan.tabOrColon(base, from: q, end: end)
            guard q < end, base[q] == 0x3a else { return nil }
            q += 1
        }
        let valueEnd = VCFDelimiterScan.tabOrColon(base, from: q, end: end)
        return VCFGenotype.ploidy(UnsafeBufferPointer(rebasing: line[q ..< valueEnd]))
    }

    /// Calls `decode(sample, start, column)` with the offset where field `fieldIndex` of each
    /// sample column starts, or -1 when the column stops before that field (dropped trailing
    /// fields) or FORMAT lacks it, and where the column starts; `decode` returns the offset
    /// just past what it consumed. Checks that the line has exactly one column per sample.
    @inline(__always)
    private func forEachSample(_ line: UnsafeBufferPointer<UInt8>, _ record: VCFRecord, fieldIndex: Int?, lineNumber: Int,
                               _ decode: (Int, Int, Int) throws -> Int) throws {
        let base = line.baseAddress!
        let end = line.count
        let samples = sampleIDs.count
        var p = record.samplesStart
        for sample in 0 ..< samples {
            guard p <= end else { throw columnCountError(line, lineNumber: lineNumber) }
            var q = p
            var skip = fieldIndex ?? Int.max
            while skip > 0 {
                q = VCFDelimiterScan.tabOrColon(base, from: q, end: end)
                guard q < end, base[q] == 0x3a else { break }
                q &+= 1
                skip &-= 1
            }
            if skip > 0 {
                _ = try decode(sample, -1, p)
            } else {
                q = try decode(sample, q, p)
            }
            if q < end, base[q] != 0x09 { q = VCFDelimiterScan.tab(base, from: q, end: end) }
            p = q &+ 1
        }
        if p <= end { throw columnCountError(line, lineNumber: lineNumber) }
    }

    private func columnCountError(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> InputError {
        let columns = line.reduce(1) { $1 == 0x09 ? $0 + 1 : $0 }
        return InputError(file: path, location: "line \(lineNumber)",
                          "data line has \(columns) columns, expected \(expectedColumns) (9 fixed columns + \(sampleIDs.count) samples as in the #CHROM header)")
    }

    /// The feature of a record: id `CHROM:POS:REF:ALT`, name = ID column (or the id when `.`), position.
    mutating func feature(_ line: UnsafeBufferPointer<UInt8>, _ record: VCFRecord) -> FeatureInfo {
        let chrom = UnsafeBufferPointer(rebasing: line[record.chrom])
        if !chrom.elementsEqual(chromBytes) {
            chromBytes = Array(chrom)
            chromString = String(decoding: chrom, as: UTF8.self)
        }
        let ref = text(line, record.ref)
        let alt = text(line, record.alt)
        let id = "\(chromString):\(record.pos):\(ref):\(alt)"
        let name = record.id.count == 1 && line[record.id.lowerBound] == 0x2e ? id : text(line, record.id)
        return FeatureInfo(id: id, name: name,
                           variant: VariantPosition(chrom: chromString, pos: record.pos, ref: ref, alt: alt))
    }

    private func text(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
    }
}
