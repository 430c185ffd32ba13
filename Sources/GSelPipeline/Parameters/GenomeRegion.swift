import GSelIO

/// A stretch of one chromosome, as `--region` gives it (`CHR` or `CHR:START-END`, 1-based
/// and inclusive like bcftools and tabix). Chromosome names are compared as written in
/// the input (`chr20` and `20` differ).
public struct GenomeRegion: Codable, Sendable, Equatable, CustomStringConvertible {
    public var chrom: String
    /// First position in the region (nil = the chromosome's start).
    public var start: Int?
    /// Last position in the region (nil = the chromosome's end).
    public var end: Int?

    public init(chrom: String, start: Int? = nil, end: Int? = nil) {
        self.chrom = chrom
        self.start = start
        self.end = end
    }

    /// Parses `CHR`, `CHR:START-END` or `CHR:START-` (digits may carry `,` separators);
    /// nil for anything else, or for START < 1 or END < START.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.lastIndex(of: ":") else {
            guard !trimmed.isEmpty else { return nil }
            self.init(chrom: trimmed)
            return
        }
        let chrom = String(trimmed[..<colon])
        let range = trimmed[trimmed.index(after: colon)...].replacingOccurrences(of: ",", with: "")
        let bounds = range.split(separator: "-", omittingEmptySubsequences: false)
        guard !chrom.isEmpty, bounds.count == 2, let start = Int(bounds[0]), start >= 1 else { return nil }
        let end: Int? = bounds[1].isEmpty ? nil : Int(bounds[1])
        if !bounds[1].isEmpty && (end == nil || end! < start) { return nil }
        self.init(chrom: chrom, start: start, end: end)
    }

    /// Whether the variant lies in the region.
    public func contains(_ variant: VariantPosition) -> Bool {
        variant.chrom == chrom && variant.pos >= (start ?? Int.min) && variant.pos <= (end ?? Int.max)
    }

    public var description: String {
        guard let start else { return chrom }
        return "\(chrom):\(start)-\(end.map(String.init) ?? "")"
    }
}
