/// A sequential source of decompressed bytes that `LineReader` splits into lines:
/// `ByteSource` (plain files and serial gzip) or `BGZFReader` (parallel BGZF inflation).
/// `TextStream.open` chooses between them.
public protocol ByteStream: AnyObject {
    /// The file the bytes come from, for error messages.
    var path: String { get }
    /// How the file is stored.
    var compression: StreamCompression { get }
    /// Reads up to `capacity` bytes into `buffer`; returns 0 at end of stream.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int
}

extension ByteSource: ByteStream {
    public var compression: StreamCompression { isGzip ? .gzip : .plain }
}
