/// Whole-file atomic writes: the shared helper behind every result file gsel writes.
///
/// The content goes to a temporary file in the same directory, is synced, and is then
/// renamed over the destination, so a killed run leaves either the old file or the new
/// one, never a truncated mix. See `AtomicFileWriter` for streaming large outputs.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(text)
        try writer.commit()
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(bytes)
        try writer.commit()
    }

    /// Streams into `path` through `body`; the file appears only if `body` returns normally.
    public static func write(to path: String, _ body: (AtomicFileWriter) throws -> Void) throws {
        let writer = try AtomicFileWriter(path: path)
        do {
            try body(writer)
        } catch {
            writer.abort()
            throw error
        }
        try writer.commit()
    }
}
