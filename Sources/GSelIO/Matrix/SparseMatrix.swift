/// Compressed sparse rows (samples as rows), Float32 values. Absent entries are 0,
/// never missing. Column-compressed inputs are converted to this without densifying.
public struct SparseMatrix: FeatureMatrix {
    public let rowCount: Int
    public let columnCount: Int
    /// Row pointers, `rowCount + 1` entries.
    public var indptr: [Int]
    /// Column index of each stored value.
    public var indices: [Int32]
    /// Stored values.
    public var data: [Float]

    public init(rows: Int, columns: Int, indptr: [Int], indices: [Int32], data: [Float]) {
        precondition(indptr.count == rows + 1 && indices.count == data.count)
        self.rowCount = rows
        self.columnCount = columns
        self.indptr = indptr
        self.indices = indices
        self.data = data
    }

    /// Converts column-compressed arrays (columns = samples x features CSC) to CSR by a counting pass.
    public init(rows: Int, columns: Int, cscIndptr: [Int], cscIndices: [Int32], cscData: [Float]) {
        var counts = [Int](repeating: 0, count: rows + 1)
        for r in cscIndices { counts[Int(r) + 1] += 1 }
        for r in 0 ..< rows { counts[r + 1] += counts[r] }
        var next = counts
        var idx = [Int32](repeating: 0, count: cscData.count)
        var val = [Float](repeating: 0, count: cscData.count)
        for c in 0 ..< columns {
            for k in cscIndptr[c] ..< cscIndptr[c + 1] {
                let r = Int(cscIndices[k])
                idx[next[r]] = Int32(c)
                val[next[r]] = cscData[k]
                next[r] += 1
            }
        }
        self.init(rows: rows, columns: columns, indptr: counts, indices: idx, data: val)
    }

    public var storageBytes: Int { MemoryBudget.csrSize(rows: rowCount, storedValues: data.count) ?? .max }
    public var preferredAxis: MatrixAxis { .samples }

    public func copyRow(_ row: Int, into out: UnsafeMutablePointer<Float>) {
        out.update(repeating: 0, count: columnCount)
        for k in indptr[row] ..< indptr[row + 1] { out[Int(indices[k])] = data[k] }
    }

    public func copyColumn(_ column: Int, rows: [Int], into out: UnsafeMutablePointer<Float>) {
        let c = Int32(column)
        for (i, r) in rows.enumerated() {
            var v: Float = 0
            // Indices within a row are sorted: binary search.
            var lo = indptr[r], hi = indptr[r + 1]
            while lo < hi {
                let mid = (lo + hi) / 2
                if indices[mid] < c { lo = mid + 1 } else { hi = mid }
            }
            if lo < indptr[r + 1], indices[lo] == c { v = data[lo] }
            out[i] = v
        }
    }
}
