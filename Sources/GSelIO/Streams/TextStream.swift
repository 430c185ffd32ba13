/// The one way gsel opens a text input (VCF, delimited matrices, label, group and
/// covariate files): the compression is read from the first bytes, as htslib's `hopen`
/// does, not from the name. BGZF is inflated in parallel on `threads` cores by a
/// `BGZFReader`; plain gzip and uncompressed files stream through a `ByteSource`.
/// A `.gz`/`.bgz` name on a file that is not gzip is an error (`ByteSource`). Every reader
/// gets the same guards from `LineReader`: a line longer than `maxLineBytes` is an error,
/// and `firstNonBlankLine` skips a byte-order mark and refuses a first line that is not text.
public enum TextStream {
    /// The decompressed bytes of `path`.
    public static func open(path: String, threads: Int = 1) throws -> any ByteStream {
        if BGZFReader.isBGZF(path: path) { return try BGZFReader(path: path, threads: threads) }
        return try ByteSource(path: path)
    }

    /// The lines of `path`, decompressed as `open` does; a line over `maxLineBytes` is an error
    /// (`LineReader.maxLineBytes(budget:)` under a `--max-memory` limit).
    public static func lines(path: String, threads: Int = 1,
                             maxLineBytes: Int = LineReader.defaultMaxLineBytes) throws -> LineReader {
        LineReader(stream: try open(path: path, threads: threads), maxLineBytes: maxLineBytes)
    }
}
