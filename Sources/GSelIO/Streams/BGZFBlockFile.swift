#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a BGZF file into its blocks (gzip members of at most 64 KiB carrying their
/// size in the `BC` extra subfield) without inflating them.
final class BGZFBlockFile: @unchecked Sendable {
    let path: String
    private let file: UnsafeMutablePointer<FILE>
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var start = 0
    private var end = 0
    /// File offset of `buffer[0]`.
    private var bufferOffset: Int64 = 0
    private var eof = false
    private var lastBlockEmpty = false

    /// True when the first bytes of `path` are a gzip header whose extra field holds the BGZF `BC` subfield.
    static func isBGZF(path: String) -> Bool {
        guard let f = fopen(path, "rb") else { return false }
        defer { fclose(f) }
        var header = [UInt8](repeating: 0, count: 18)
        guard fread(&header, 1, 18, f) == 18 else { return false }
        return header.withUnsafeBufferPointer { blockSize(header: $0.baseAddress!, available: 18) } != nil
    }

    init(path: String, readSize: Int = 4 << 20) throws {
        self.path = path
        var st = stat()
        guard stat(path, &st) == 0, let f = fopen(path, "rb") else {
            throw InputError(file: path, "cannot open file: \(String(cString: strerror(errno)))")
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            fclose(f)
            throw InputError(file: path, "is a directory, expected a file")
        }
        file = f
        capacity = readSize
        buffer = .allocate(capacity: readSize)
    }

    deinit {
        buffer.deallocate()
        fclose(file)
    }

    /// Total size of the block whose header starts at `header`, or nil when these bytes
    /// are not a BGZF block header. Needs the 12 fixed header bytes plus the extra field.
    private static func blockSize(header h: UnsafePointer<UInt8>, available: Int) -> Int? {
        guard available >= 12, h[0] == 0x1f, h[1] == 0x8b, h[2] == 8, h[3] & 4 != 0 else { return nil }
        let xlen = Int(h[10]) | Int(h[11]) << 8
        guard available >= 12 + xlen else { return nil }
        var p = 12
        while p + 4 <= 12 + xlen {
            let slen = Int(h[p + 2]) | Int(h[p + 3]) << 8
            if h[p] == 66, h[p + 1] == 67, slen == 2, p + 6 <= 12 + xlen {
                return (Int(h[p + 4]) | Int(h[p + 5]) << 8) + 1
            }
            p += 4 + slen
        }
        return nil
    }

    /// Moves bytes not yet parsed to the front of the buffer and reads more.
    private func refill() {
        if start > 0 {
            memmove(buffer, buffer + start, end - start)
            bufferOffset += Int64(start)
            end -= start
            start = 0
        }
        let n = fread(buffer + end, 1, capacity - end, file)
        if n == 0 { eof = true }
        end += n
    }

    /// Fills `batch` with the next complete blocks. Stops at the batch capacity or the end of
    /// the file; a truncated or malformed block sets `batch.error` after the good ones.
    func fill(_ batch: BGZFBatch) {
        batch.reset()
        while !batch.isFull {
            let available = end - start
            let offset = bufferOffset + Int64(start)
            if available == 0 && eof {
                batch.isLast = true
                batch.endsWithEOFMarker = lastBlockEmpty
                return
            }
            if available < 12 {
                if eof { return truncated(batch, at: offset, needed: 18, available: available) }
                refill()
                continue
            }
            let header = buffer + start
            guard header[0] == 0x1f, header[1] == 0x8b, header[2] == 8, header[3] & 4 != 0 else {
                return malformed(batch, at: offset, header, available)
            }
            let headerBytes = 12 + (Int(header[10]) | Int(header[11]) << 8)
            if available < headerBytes {
                if eof { return truncated(batch, at: offset, needed: headerBytes, available: available) }
                refill()
                continue
            }
            guard let size = Self.blockSize(header: header, available: available), size >= headerBytes + 8 else {
                return malformed(batch, at: offset, header, available)
            }
            if available < size {
                if eof { return truncated(batch, at: offset, needed: size, available: available) }
                refill()
                continue
            }
            // BSIZE is only trustworthy when another block (or the end of the file) follows it.
            if available < size + 2 && !eof {
                refill()
                continue
            }
            if available >= size + 2, !(header[size] == 0x1f && header[size + 1] == 0x8b) {
                return misplacedEnd(batch, at: offset, size: size, next: header + size, available: available - size)
            }
            if available == size + 1 {
                return misplacedEnd(batch, at: offset, size: size, next: header + size, available: 1)
            }
            let trailer = header + size - 8
            let crc = UInt32(trailer[0]) | UInt32(trailer[1]) << 8 | UInt32(trailer[2]) << 16 | UInt32(trailer[3]) << 24
            let isize = Int(trailer[4]) | Int(trailer[5]) << 8 | Int(trailer[6]) << 16 | Int(trailer[7]) << 24
            guard isize <= BGZFBatch.maxBlockBytes else {
                batch.error = InputError(file: path, location: "compressed byte \(offset)",
                                         "BGZF block at compressed byte \(offset) declares \(isize) uncompressed bytes, more than the BGZF maximum of 65536")
                batch.isLast = true
                return
            }
            batch.append(payload: header + headerBytes, length: size - headerBytes - 8,
                         inflatedSize: isize, crc: crc, at: offset)
            lastBlockEmpty = isize == 0
            start += size
        }
    }

    private func truncated(_ batch: BGZFBatch, at offset: Int64, needed: Int, available: Int) {
        let fileEnd = offset + Int64(available)
        batch.error = InputError(file: path, location: "compressed byte \(fileEnd)",
                                 "BGZF file is truncated: it ends at compressed byte \(fileEnd), inside the block that starts at byte \(offset) (\(available) of its \(needed) bytes present; a cut file, or a wrong BSIZE field in that block's header)")
        batch.isLast = true
    }

    private func misplacedEnd(_ batch: BGZFBatch, at offset: Int64, size: Int, next: UnsafePointer<UInt8>, available: Int) {
        let end = offset + Int64(size)
        batch.error = InputError(file: path, location: "compressed byte \(offset)",
                                 "the BGZF block at compressed byte \(offset) says (BSIZE field) that it is \(size) bytes long, but byte \(end) starts neither another gzip block nor the end of the file (found bytes \(hexPrefix(next, available))); expected the next block header 1f 8b there: the BSIZE field or the data after the block is corrupt")
        batch.isLast = true
    }

    private func malformed(_ batch: BGZFBatch, at offset: Int64, _ header: UnsafePointer<UInt8>, _ available: Int) {
        batch.error = InputError(file: path, location: "compressed byte \(offset)",
                                 "expected a BGZF block header (gzip member with a BC extra subfield) at compressed byte \(offset), found bytes \(hexPrefix(header, available))")
        batch.isLast = true
    }

    private func hexPrefix(_ p: UnsafePointer<UInt8>, _ count: Int) -> String {
        let digits = Array("0123456789abcdef")
        return (0 ..< min(count, 4)).map { i in String([digits[Int(p[i] >> 4)], digits[Int(p[i] & 15)]]) }
            .joined(separator: " ")
    }
}
