import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read as a stream of decompressed bytes: plain files pass through,
/// gzip files (including concatenated members and BGZF) are inflated with zlib.
/// Memory is bounded by the chunk size whatever the file size.
public final class ByteSource {
    public let path: String
    /// True when the file starts with the gzip magic bytes.
    public let isGzip: Bool
    private let file: UnsafeMutablePointer<FILE>
    private var inBuffer: [UInt8]
    private var inAvail = 0
    private var inOffset = 0
    private var stream = z_stream()
    private var streamOpen = false
    private var memberEnded = false
    private var compressedConsumed: Int64 = 0
    private var finished = false

    /// Opens `path`. Throws a clear `InputError` if it is missing, a directory, or
    /// named `.gz`/`.bgz` without being gzip.
    public init(path: String, chunkSize: Int = 1 << 20) throws {
        self.path = path
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw InputError(file: path, "cannot open file: \(String(cString: strerror(errno)))")
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(file: path, "is a directory, expected a file")
        }
        guard let f = fopen(path, "rb") else {
            throw InputError(file: path, "cannot open file: \(String(cString: strerror(errno)))")
        }
        file = f
        inBuffer = [UInt8](repeating: 0, count: chunkSize)
        inAvail = fread(&inBuffer, 1, chunkSize, f)
        isGzip = inAvail >= 2 && inBuffer[0] == 0x1f && inBuffer[1] == 0x8b
        let lower = path.lowercased()
        if !isGzip && (lower.hasSuffix(".gz") || lower.hasSuffix(".bgz")) {
            // No fclose here: the object is fully initialised, so deinit closes the file.
            throw InputError(file: path, location: "byte 0",
                             "file name says gzip but the file does not start with the gzip magic bytes 1f 8b")
        }
        if isGzip { try openMember() }
    }

    deinit {
        if streamOpen { inflateEnd(&stream) }
        fclose(file)
    }

    private func openMember() throws {
        if streamOpen { inflateEnd(&stream) }
        stream = z_stream()
        // 15 + 16: gzip wrapper only.
        guard gsel_inflateInit2(&stream, 15 + 16) == Z_OK else {
            throw InputError(file: path, "zlib could not start inflating")
        }
        streamOpen = true
        memberEnded = false
    }

    private func refill() {
        inOffset = 0
        inAvail = inBuffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
    }

    /// Reads up to `capacity` decompressed bytes into `buffer`; returns 0 at end of file.
    public func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        if finished { return 0 }
        if !isGzip {
            if inOffset < inAvail {
                let n = min(capacity, inAvail - inOffset)
                inBuffer.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + inOffset, count: n) }
                inOffset += n
                return n
            }
            let n = fread(buffer, 1, capacity, file)
            if n == 0 { finished = true }
            return n
        }
        var produced = 0
        while produced == 0 {
            if inOffset >= inAvail {
                refill()
                if inAvail == 0 {
                    if memberEnded { finished = true; return 0 }
                    throw InputError(file: path, location: "compressed byte \(compressedConsumed)",
                                     "gzip stream is truncated: the file ended inside a compressed block (after \(compressedConsumed) compressed bytes)")
                }
            }
            if memberEnded {
                // Another member follows (concatenated gzip / BGZF); skip padding zeros.
                if inBuffer[inOffset] == 0 { inOffset += 1; compressedConsumed += 1; continue }
                try openMember()
            }
            let before = inAvail - inOffset
            let rc: Int32 = inBuffer.withUnsafeMutableBufferPointer { inb in
                stream.next_in = inb.baseAddress! + inOffset
                stream.avail_in = UInt32(before)
                stream.next_out = buffer + produced
                stream.avail_out = UInt32(capacity - produced)
                return inflate(&stream, Z_NO_FLUSH)
            }
            let used = before - Int(stream.avail_in)
            inOffset += used
            compressedConsumed += Int64(used)
            produced = capacity - Int(stream.avail_out)
            switch rc {
            case Z_OK, Z_BUF_ERROR: break
            case Z_STREAM_END: memberEnded = true
            default:
                let msg = stream.msg.map { String(cString: $0) } ?? "code \(rc)"
                throw InputError(file: path, location: "compressed byte \(compressedConsumed)",
                                 "corrupt gzip data (\(msg))")
            }
            if produced == 0 && used == 0 && rc == Z_BUF_ERROR && inOffset < inAvail {
                throw InputError(file: path, location: "compressed byte \(compressedConsumed)", "corrupt gzip data")
            }
        }
        return produced
    }
}
