/// The VCF FORMAT field a genotype matrix is read from.
public enum VCFField: String, Sendable, Codable, CaseIterable {
    /// Genotypes: dosage = number of non-REF alleles (0/1/2; haploid 0/1), stored as UInt8.
    case genotype = "GT"
    /// Dosages as written (`DS`), stored as Float32.
    case dosage = "DS"
}
