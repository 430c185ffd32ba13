/// Recognises a first line that is not text (an HDF5 or zip file given as a table, binary
/// garbage, CR-only line endings), so a reader can say what it found instead of reporting
/// a missing header or missing rows.
public enum TextSniffer {
    /// What is wrong with `line` (the first line of a file, without its line feed), or nil
    /// when it looks like a line of text.
    public static func problem(firstLine line: UnsafeBufferPointer<UInt8>) -> String? {
        for (magic, name) in signatures where line.starts(with: magic) {
            return "found \(name), by its signature at byte 0; expected plain (UTF-8) text"
        }
        if let nul = line.firstIndex(of: 0) {
            return "found a NUL byte (0x00) at byte \(nul) of the line: this looks like a binary file; expected text"
        }
        let sample = line.prefix(4096)
        let controls = sample.reduce(0) { $0 + (isBinaryControl($1) ? 1 : 0) }
        if controls * 20 > sample.count {
            return "\(controls) of the first \(sample.count) bytes are control characters: this looks like a binary file; expected text"
        }
        if let cr = line.firstIndex(of: 0x0d) {
            return "found a carriage return (\\r) at byte \(cr) inside the line: the file has CR-only (old Mac) line endings; expected LF or CRLF line endings (convert with `tr '\\r' '\\n'`)"
        }
        return nil
    }

    /// Control bytes that do not occur in text (everything below 0x20 except tab, LF, CR, FF).
    private static func isBinaryControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0a && byte != 0x0d && byte != 0x0c
    }

    /// File signatures of formats gsel does not read as text.
    private static let signatures: [([UInt8], String)] = [
        ([0x89, 0x48, 0x44, 0x46], "an HDF5 file (HDF5 is read as the input matrix, not as a text table)"),
        ([0x50, 0x4b, 0x03, 0x04], "a zip archive (unzip it first)"),
        ([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], "an xz file (gsel reads plain or gzip text; recompress with gzip)"),
        ([0x28, 0xb5, 0x2f, 0xfd], "a zstd file (gsel reads plain or gzip text; recompress with gzip)"),
        ([0xff, 0xfe], "UTF-16 text, as Excel's \"Unicode Text\" writes it (save it as UTF-8)"),
        ([0xfe, 0xff], "UTF-16 text (save it as UTF-8)"),
    ]
}
