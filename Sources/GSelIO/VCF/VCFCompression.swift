/// How a VCF file is stored on disk.
public enum VCFCompression: String, Sendable {
    /// Blocked gzip (bgzip / htslib): inflated in parallel.
    case bgzf = "BGZF"
    /// Ordinary gzip: inflated serially.
    case gzip
    /// Uncompressed text.
    case plain = "uncompressed"
}
