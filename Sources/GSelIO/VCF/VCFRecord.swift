/// Where the fixed columns of one VCF data line are, as byte ranges into the line (no copies).
struct VCFRecord {
    var chrom: Range<Int>
    var pos: Int
    var id: Range<Int>
    var ref: Range<Int>
    var alt: Range<Int>
    var format: Range<Int>
    /// Offset of the first sample column.
    var samplesStart: Int
    /// Number of ALT alleles: 0 for `.`, else comma-separated entries.
    var altCount: Int
}
