/// Identity of one feature (a gene or a variant) as read from the input.
public struct FeatureInfo: Sendable, Equatable, Codable {
    /// Unique id: gene id, or `CHROM:POS:REF:ALT` for a variant.
    public var id: String
    /// Display name: gene symbol, or the VCF ID column; equal to `id` when the input has none.
    public var name: String
    /// Variant position, when the feature is a variant.
    public var variant: VariantPosition?

    public init(id: String, name: String? = nil, variant: VariantPosition? = nil) {
        self.id = id
        self.name = name ?? id
        self.variant = variant
    }
}

extension FeatureInfo {
    /// Memory this feature's strings take outside the struct, roughly: those too long for
    /// Swift to keep inline (over 15 UTF-8 bytes). The chromosome name is shared by the
    /// variants of a contig and not counted.
    var outOfLineBytes: Int {
        func heap(_ text: String) -> Int { text.utf8.count > 15 ? 32 + text.utf8.count : 0 }
        return heap(id) + heap(name) + (variant.map { heap($0.ref) + heap($0.alt) } ?? 0)
    }
}

/// Where a variant sits: the VCF CHROM, POS, REF and ALT columns.
public struct VariantPosition: Sendable, Equatable, Codable {
    public var chrom: String
    public var pos: Int
    public var ref: String
    public var alt: String
    public init(chrom: String, pos: Int, ref: String, alt: String) {
        self.chrom = chrom; self.pos = pos; self.ref = ref; self.alt = alt
    }
}
