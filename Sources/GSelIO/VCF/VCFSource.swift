/// An opened VCF file: its decompressed lines (opened by `TextStream`), and how it is compressed.
struct VCFSource {
    let path: String
    let lines: LineReader

    init(path: String, threads: Int, maxLineBytes: Int = LineReader.defaultMaxLineBytes) throws {
        self.path = path
        lines = try TextStream.lines(path: path, threads: threads, maxLineBytes: maxLineBytes)
    }

    var compression: StreamCompression { lines.source.compression }
    /// The BGZF stream, when the file is BGZF.
    var bgzf: BGZFReader? { lines.source as? BGZFReader }

    /// The next line, nil at the end. A stream error (truncated or corrupt compressed data)
    /// is rethrown with the number of the last complete line read before it.
    func nextLine() throws -> UnsafeBufferPointer<UInt8>? {
        do {
            return try lines.nextLine()
        } catch var error as InputError {
            error.message += lines.lineNumber > 0
                ? "; the last complete line read was line \(lines.lineNumber)"
                : "; no complete line could be read"
            throw error
        }
    }

    /// Log line about the compression and, for BGZF, a missing end-of-file marker.
    var notes: [String] {
        var notes = ["VCF compression: \(compression.rawValue)"]
        if let bgzf {
            notes[0] += " (inflated on \(bgzf.threads) thread\(bgzf.threads == 1 ? "" : "s"))"
            if !bgzf.hasEOFMarker {
                notes.append("warning: \(path) has no BGZF end-of-file marker block; the file may have been cut at a line boundary")
            }
        }
        return notes
    }
}
