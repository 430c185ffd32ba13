/// A sequential source of decompressed bytes that `LineReader` splits into lines:
/// `ByteSource` (plain files and serial gzip) or `BGZFReader` (parallel BGZF inflation).
public protocol ByteStream: AnyObject {
    /// The file the bytes come from, for error messages.
    var path: String { get }
    /// Whether the bytes are inflated from gzip (plain gzip or BGZF).
    var isGzip: Bool { get }
    /// Reads up to `capacity` bytes into `buffer`; returns 0 at end of stream.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int
}

extension ByteSource: ByteStream {}
