/// A rectangular piece of a `StandardizedData` split: `rowCount x featureCount`
/// standardized values, element (i, j) at `base[i * rowStride + j * featureStride]`.
/// Lets one accumulation loop serve both sample-major and feature-major stores.
struct StandardizedBlock {
    /// First row (index into the split's `rows`) and first feature of the block.
    let rowStart: Int, featureStart: Int
    let rowCount: Int, featureCount: Int
    let rowStride: Int, featureStride: Int
    let base: UnsafePointer<Float>

    @inline(__always) subscript(row i: Int, feature j: Int) -> Float {
        base[i * rowStride + j * featureStride]
    }
    /// Rows per block of a sample-major pass over `samples` x `features` values in blocks of
    /// at most about `maxValues`.
    static func rowsPerBlock(features p: Int, samples n: Int, maxValues: Int = 1 << 20) -> Int {
        max(1, min(n, maxValues / max(1, p)))
    }
}

extension StandardizedData {
    /// Visits the whole split once in blocks of at most about `maxValues` values,
    /// following the store's cheap axis: row blocks for sample-major stores,
    /// feature blocks for feature-major ones. Never holds a dense copy of the split.
    func forEachBlock(maxValues: Int = 1 << 20, _ body: (StandardizedBlock) -> Void) {
        let n = sampleCount, p = featureCount
        guard n > 0, p > 0 else { return }
        if matrix.preferredAxis == .samples {
            let blockRows = StandardizedBlock.rowsPerBlock(features: p, samples: n, maxValues: maxValues)
            let buf = UnsafeMutablePointer<Float>.allocate(capacity: blockRows * p)
            defer { buf.deallocate() }
            var local = [Int](repeating: 0, count: blockRows)
            for r0 in stride(from: 0, to: n, by: blockRows) {
                let count = min(blockRows, n - r0)
                for i in 0 ..< count { local[i] = r0 + i }
                local.withUnsafeBufferPointer { fillRows(UnsafeBufferPointer(rebasing: $0[0 ..< count]), into: buf) }
                body(StandardizedBlock(rowStart: r0, featureStart: 0, rowCount: count, featureCount: p,
                                       rowStride: p, featureStride: 1, base: buf))
            }
        } else {
            let blockFeatures = max(1, min(p, maxValues / n))
            let buf = UnsafeMutablePointer<Float>.allocate(capacity: blockFeatures * n)
            defer { buf.deallocate() }
            for f0 in stride(from: 0, to: p, by: blockFeatures) {
                let count = min(blockFeatures, p - f0)
                for f in 0 ..< count {
                    let dst = buf + f * n
                    let j = f0 + f
                    matrix.copyColumn(j, rows: rows, into: dst)
                    let mu = means[j], inv = inverseScales[j]
                    for i in 0 ..< n { dst[i] = dst[i].isNaN ? 0 : (dst[i] - mu) * inv }
                }
                body(StandardizedBlock(rowStart: 0, featureStart: f0, rowCount: n, featureCount: count,
                                       rowStride: 1, featureStride: n, base: buf))
            }
        }
    }
}
