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
