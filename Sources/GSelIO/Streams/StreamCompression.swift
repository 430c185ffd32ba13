/// How a text input is stored on disk, as read from its first bytes.
public enum StreamCompression: String, Sendable {
    /// Blocked gzip (bgzip / htslib): inflated in parallel.
    case bgzf = "BGZF"
    /// Ordinary gzip (one or more members): inflated serially.
    case gzip
    /// Uncompressed text.
    case plain = "uncompressed"
}
