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
    private var chromBytes: [UInt8] = []
    private var chromString = ""

    init(path: String, sampleIDs: [String], field: String) {
        self.path = path
        self.sampleIDs = sampleIDs
        self.field = Array(field.utf8)
    }

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
            guard digit < 10, pos < Int.max / 10 - 10 else {
                throw InputError(file: path, location: "line \(lineNumber), column POS",
                                 "POS \"\(text(line, posRange))\" is not a position, expected a positive integer")
            }
            pos = pos * 10 + Int(digit)
        }
        guard !posRange.isEmpty else {
            throw InputError(file: path, location: "line \(lineNumber), column POS", "POS is empty, expected a positive integer")
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
        cachedIndex = format.split(separator: 0x3a, omittingEmptySubsequences: false)
            .firstIndex { $0.elementsEqual(field) }
        return cachedIndex
    }

    /// Decodes GT of every sample into `out[0 ..< samples]` as dosages (`DosageMatrix.missing` for missing).
    func decodeGenotypes(_ line: UnsafeBufferPointer<UInt8>, _ record: VCFRecord, fieldIndex: Int?,
                         lineNumber: Int, into out: UnsafeMutablePointer<UInt8>) throws -> VariantCallStats {
        let base = line.baseAddress!, end = line.count
        let alleles = record.altCount
        // Alleles beyond two per non-missing call (haploid calls count -1), for allele frequencies.
        var extraAlleles = 0
        try forEachSample(line, record, fieldIndex: fieldIndex, lineNumber: lineNumber) { sample, start in
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
            out[sample] = dosage
            if ploidy != 2, dosage != DosageMatrix.missing { extraAlleles += ploidy - 2 }
            return valueEnd
        }
        return VariantCallStats(dosages: UnsafeBufferPointer(start: out, count: sampleIDs.count), extraAlleles: extraAlleles)
    }

    /// Decodes DS of every sample into `out[0 ..< samples]` (NaN for missing).
    func decodeDosages(_ line: UnsafeBufferPointer<UInt8>, _ record: VCFRecord, fieldIndex: Int?,
                       lineNumber: Int, into out: UnsafeMutablePointer<Float>) throws -> VariantCallStats {
        let base = line.baseAddress!, end = line.count
        var stats = VariantCallStats()
        try forEachSample(line, record, fieldIndex: fieldIndex, lineNumber: lineNumber) { sample, start in
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
            } else {
                stats.add(dosage, ploidy: 2)
            }
            return valueEnd
        }
        return stats
    }

    /// Calls `decode(sample, start)` with the offset where field `fieldIndex` of each sample column
    /// starts, or -1 when the column stops before that field (dropped trailing fields) or FORMAT
    /// lacks it; `decode` returns the offset just past what it consumed. Checks that the line has
    /// exactly one column per sample.
    @inline(__always)
    private func forEachSample(_ line: UnsafeBufferPointer<UInt8>, _ record: VCFRecord, fieldIndex: Int?, lineNumber: Int,
                               _ decode: (Int, Int) throws -> Int) throws {
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
                _ = try decode(sample, -1)
            } else {
                q = try decode(sample, q)
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
