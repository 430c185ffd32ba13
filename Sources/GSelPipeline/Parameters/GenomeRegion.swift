import Foundation
import GSelIO

/// A stretch of one chromosome, as `--region` gives it (`CHR` or `CHR:START-END`, 1-based
/// and inclusive like bcftools and tabix; `{CHR}` for a name holding `:`). Chromosome names are compared as written in
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

    /// `parse`, nil instead of an error.
    public init?(parsing text: String) {
        guard let region = try? Self.parse(text) else { return nil }
        self = region
    }

    /// Parses `CHR`, `CHR:START-END` or `CHR:START-` (digits may carry `,` separators) from
    /// the right, as samtools does: the last `:` starts the range, so a name holding `:`
    /// (GRCh38's `HLA-A*01:01`) works when a range follows; `{CHR}` and `{CHR}:START-END`
    /// name any contig. Throws a `ParameterError` (`region`) saying what is wrong.
    public static func parse(_ text: String) throws -> GenomeRegion {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func fail(_ why: String) -> ParameterError { ParameterError("region", "'\(MessageText.value(text))': \(why)") }
        let chrom: Substring, range: Substring?
        if trimmed.hasPrefix("{"), let close = trimmed.lastIndex(of: "}") {
            chrom = trimmed[trimmed.index(after: trimmed.startIndex) ..< close]
            let rest = trimmed[trimmed.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { throw fail("expected :START-END after {\(chrom)}, found '\(rest)'") }
            range = rest.isEmpty ? nil : rest.dropFirst()
        } else if let colon = trimmed.lastIndex(of: ":") {
            (chrom, range) = (trimmed[..<colon], trimmed[trimmed.index(after: colon)...])
        } else {
            (chrom, range) = (Substring(trimmed), nil)
        }
        guard !chrom.isEmpty else { throw fail("names no contig; expected CHR, CHR:START-END or {CHR}:START-END") }
        guard let range else { return GenomeRegion(chrom: String(chrom)) }
        let bounds = range.replacingOccurrences(of: ",", with: "").split(separator: "-", omittingEmptySubsequences: false)
        let isNumber = { (s: Substring) in !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
        guard bounds.count == 2, isNumber(bounds[0]), bounds[1].isEmpty || isNumber(bounds[1]) else {
            let braces = trimmed.hasPrefix("{") ? "" : "; a contig whose name holds ':' is written in braces: {\(trimmed)}"
            throw fail("expected START-END or START- (1-based positions) after the last ':', found '\(range)'\(braces)")
        }
        func position(_ digits: Substring, _ name: String) throws -> Int {
            guard let value = Int(digits) else {
                throw fail("\(name) \(digits) is beyond any position (at most \(Int.max); a VCF POS is at most \(Int32.max))\(name == "END" ? "; leave END out (CHR:START-) for the rest of the contig" : "")")
            }
            return value
        }
        let start = try position(bounds[0], "START")
        guard start >= 1 else { throw fail("START is \(start), expected a position from 1 (positions are 1-based)") }
        guard !bounds[1].isEmpty else { return GenomeRegion(chrom: String(chrom), start: start) }
        let end = try position(bounds[1], "END")
        guard end >= start else { throw fail("END (\(end)) is before START (\(start)); expected 1 <= START <= END") }
        return GenomeRegion(chrom: String(chrom), start: start, end: end)
    }

    /// Whether the variant lies in the region.
    public func contains(_ variant: VariantPosition) -> Bool {
        variant.chrom == chrom && variant.pos >= (start ?? Int.min) && variant.pos <= (end ?? Int.max)
    }

    /// The region as `--region` takes it; a contig name holding `:` in braces.
    public var description: String {
        let name = chrom.contains(":") ? "{\(chrom)}" : chrom
        guard let start else { return name }
        return "\(name):\(start)-\(end.map(String.init) ?? "")"
    }
}
