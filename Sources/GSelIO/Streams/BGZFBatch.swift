import CZlib
import Dispatch

/// A run of consecutive BGZF blocks: their deflate payloads as read from the file and,
/// after `inflate(threads:path:)`, their decompressed bytes laid end to end.
/// Owned by one thread at a time (the reader hands it to a prefetch task and waits).
final class BGZFBatch: @unchecked Sendable {
    /// Largest decompressed (and compressed) size of one BGZF block.
    static let maxBlockBytes = 65536

    let capacity: Int
    /// Deflate payloads of the blocks, back to back.
    private let payload: UnsafeMutablePointer<UInt8>
    private var payloadCount = 0
    private var payloadOffset: [Int]
    private var payloadLength: [Int]
    private var inflatedSize: [Int]
    private var expectedCRC: [UInt32]
    private var fileOffset: [Int64]
    private(set) var blockCount = 0
    /// Where each block's bytes start in `output` (blockCount + 1 entries once inflated).
    private let outputOffset: UnsafeMutablePointer<Int>
    /// Outcome of inflating each block; every worker writes only its own blocks.
    private let status: UnsafeMutablePointer<BlockStatus>

    /// Decompressed bytes; `outputCount` of them are valid (up to the first failed block).
    let output: UnsafeMutablePointer<UInt8>
    private(set) var outputCount = 0
    /// What ends the stream after the valid bytes of this batch: truncation, a bad header, a corrupt block.
    var error: InputError?
    /// True when the file holds no blocks after this batch.
    var isLast = false
    /// True when the last block of the file is the empty BGZF end-of-file marker.
    var endsWithEOFMarker = false

    init(capacity: Int) {
        self.capacity = capacity
        payload = .allocate(capacity: capacity * Self.maxBlockBytes)
        output = .allocate(capacity: capacity * Self.maxBlockBytes)
        payloadOffset = [Int](repeating: 0, count: capacity)
        payloadLength = [Int](repeating: 0, count: capacity)
        inflatedSize = [Int](repeating: 0, count: capacity)
        expectedCRC = [UInt32](repeating: 0, count: capacity)
        fileOffset = [Int64](repeating: 0, count: capacity)
        outputOffset = .allocate(capacity: capacity + 1)
        status = .allocate(capacity: capacity)
        status.initialize(repeating: .ok, count: capacity)
    }

    deinit {
        payload.deallocate()
        output.deallocate()
        outputOffset.deallocate()
        status.deallocate()
    }

    var isFull: Bool { blockCount == capacity }

    func reset() {
        payloadCount = 0
        blockCount = 0
        outputCount = 0
        error = nil
        isLast = false
        endsWithEOFMarker = false
    }

    /// Adds one block: its deflate payload, ISIZE, CRC32 and where it starts in the file.
    func append(payload bytes: UnsafePointer<UInt8>, length: Int, inflatedSize size: Int, crc: UInt32, at offset: Int64) {
        (payload + payloadCount).update(from: bytes, count: length)
        payloadOffset[blockCount] = payloadCount
        payloadLength[blockCount] = length
        inflatedSize[blockCount] = size
        expectedCRC[blockCount] = crc
        fileOffset[blockCount] = offset
        payloadCount += length
        blockCount += 1
    }

    /// Inflates every block into `output`, `threads` blocks at a time, checking ISIZE and CRC32.
    /// A failing block ends the batch: the bytes before it stay valid and `error` says where.
    func inflate(threads: Int, path: String) {
        outputOffset[0] = 0
        for i in 0 ..< blockCount {
            outputOffset[i + 1] = outputOffset[i] + inflatedSize[i]
            status[i] = .ok
        }
        let workers = max(1, min(threads, blockCount))
        if workers == 1 {
            inflateBlocks(worker: 0, workers: 1)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                self.inflateBlocks(worker: worker, workers: workers)
            }
        }
        outputCount = outputOffset[blockCount]
        if let bad = (0 ..< blockCount).first(where: { status[$0] != .ok }) {
            outputCount = outputOffset[bad]
            blockCount = bad
            isLast = true
            error = InputError(file: path, location: "compressed byte \(fileOffset[bad])",
                               "corrupt BGZF block starting at compressed byte \(fileOffset[bad]): \(status[bad].explanation)")
        }
    }

    private func inflateBlocks(worker: Int, workers: Int) {
        var stream = z_stream()
        guard gsel_inflateInit2(&stream, -15) == Z_OK else {
            for i in stride(from: worker, to: blockCount, by: workers) { status[i] = .inflateFailed }
            return
        }
        defer { inflateEnd(&stream) }
        var scratch: UInt8 = 0
        for i in stride(from: worker, to: blockCount, by: workers) {
            inflateReset(&stream)
            let size = inflatedSize[i]
            stream.next_in = payload + payloadOffset[i]
            stream.avail_in = UInt32(payloadLength[i])
            let rc: Int32 = withUnsafeMutablePointer(to: &scratch) { scratchPointer in
                // An empty block still needs a valid output pointer.
                stream.next_out = size > 0 ? output + outputOffset[i] : scratchPointer
                stream.avail_out = UInt32(size)
                return CZlib.inflate(&stream, Z_FINISH)
            }
            if rc != Z_STREAM_END {
                status[i] = rc == Z_BUF_ERROR || rc == Z_OK ? .sizeMismatch : .inflateFailed
            } else if stream.avail_out != 0 || stream.avail_in != 0 {
                status[i] = .sizeMismatch
            } else if UInt32(crc32(0, output + outputOffset[i], UInt32(size))) != expectedCRC[i] {
                status[i] = .crcMismatch
            }
        }
    }

    /// Outcome of inflating one block.
    enum BlockStatus: UInt8 {
        case ok, inflateFailed, sizeMismatch, crcMismatch

        var explanation: String {
            switch self {
            case .ok: return "no error"
            case .inflateFailed: return "the deflate data is invalid"
            case .sizeMismatch: return "the deflate data does not match the block's ISIZE (uncompressed size) field"
            case .crcMismatch: return "CRC32 of the decompressed data does not match the block's CRC32 field"
            }
        }
    }
}
