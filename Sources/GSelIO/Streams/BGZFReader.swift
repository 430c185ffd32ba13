import Dispatch

/// Decompressed bytes of a BGZF file (bgzip, htslib). Blocks are read in batches and
/// inflated in parallel on `threads` cores; with more than one thread the next batch is
/// inflated in the background while the caller consumes the current one.
/// Every block's ISIZE and CRC32 are checked; a truncated file is reported with the
/// compressed byte where it ends, after all complete blocks have been delivered.
public final class BGZFReader: ByteStream {
    public let path: String
    public var compression: StreamCompression { .bgzf }
    public let threads: Int
    /// False once the stream has ended without the empty end-of-file marker block
    /// that bgzip writes (the text ended on a complete line, so it is read, but may be cut).
    public private(set) var hasEOFMarker = true
    private let blocks: BGZFBlockFile
    private var current: BGZFBatch
    private var spare: BGZFBatch
    private var prefetch: DispatchGroup?
    private var served = 0
    private var lastByte: UInt8 = 0x0a
    private var finished = false

    /// True when `path` starts with a BGZF block header (gzip header with the `BC` extra subfield).
    public static func isBGZF(path: String) -> Bool { BGZFBlockFile.isBGZF(path: path) }

    /// Opens `path` and inflates its first batch of `blocksPerBatch` blocks.
    public init(path: String, threads: Int = 1, blocksPerBatch: Int = 128) throws {
        self.path = path
        self.threads = max(1, threads)
        blocks = try BGZFBlockFile(path: path)
        current = BGZFBatch(capacity: max(1, blocksPerBatch))
        spare = BGZFBatch(capacity: max(1, blocksPerBatch))
        blocks.fill(current)
        current.inflate(threads: self.threads, path: path)
        startPrefetch()
    }

    deinit { prefetch?.wait() }

    private func startPrefetch() {
        guard threads > 1, !current.isLast, current.error == nil else { return }
        let group = DispatchGroup()
        let (file, batch, workers, path) = (blocks, spare, threads, path)
        DispatchQueue.global().async(group: group) {
            file.fill(batch)
            batch.inflate(threads: workers, path: path)
        }
        prefetch = group
    }

    private func advance() {
        if let group = prefetch {
            group.wait()
            prefetch = nil
        } else {
            blocks.fill(spare)
            spare.inflate(threads: threads, path: path)
        }
        swap(&current, &spare)
        served = 0
        startPrefetch()
    }

    public func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        while served == current.outputCount {
            if let error = current.error { throw error }
            if finished { return 0 }
            if current.isLast {
                finished = true
                if !current.endsWithEOFMarker {
                    hasEOFMarker = false
                    if lastByte != 0x0a {
                        throw InputError(file: path, location: "end of file",
                                         "BGZF file is truncated: it ends without the BGZF end-of-file marker block, in the middle of a line")
                    }
                }
                return 0
            }
            advance()
        }
        let n = min(capacity, current.outputCount - served)
        buffer.update(from: current.output + served, count: n)
        served += n
        lastByte = buffer[n - 1]
        return n
    }
}
