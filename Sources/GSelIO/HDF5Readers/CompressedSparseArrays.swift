/// The three arrays of a compressed sparse matrix (CSR or CSC), validated: `indptr` has
/// `majorCount + 1` non-decreasing entries from 0 to `data.count`, every index is in `0 ..< minorCount`.
struct CompressedSparseArrays {
    var majorCount: Int
    var minorCount: Int
    var indptr: [Int]
    var indices: [Int32]
    var data: [Float]

    /// Sorts the indices within each major slice and sums duplicate entries (as scipy's
    /// `toarray` does, in storage order). A no-op when the arrays are already canonical.
    mutating func canonicalize() {
        var canonical = true
        indices.withUnsafeBufferPointer { idx in
            for m in 0 ..< majorCount where canonical {
                var k = indptr[m] + 1
                while k < indptr[m + 1] {
                    if idx[k] <= idx[k - 1] { canonical = false; break }
                    k += 1
                }
            }
        }
        if canonical { return }
        var write = 0
        var sliceStart = indptr[0]
        var sliceIndices: [Int32] = [], sliceData: [Float] = [], order: [Int] = []
        for m in 0 ..< majorCount {
            let start = sliceStart, end = indptr[m + 1]
            sliceStart = end
            indptr[m] = write
            // Copy the slice out first: `write` may lie inside it.
            sliceIndices.removeAll(keepingCapacity: true)
            sliceData.removeAll(keepingCapacity: true)
            sliceIndices.append(contentsOf: indices[start ..< end])
            sliceData.append(contentsOf: data[start ..< end])
            order.removeAll(keepingCapacity: true)
            order.append(contentsOf: 0 ..< sliceIndices.count)
            order.sort { (sliceIndices[$0], $0) < (sliceIndices[$1], $1) }
            var last: Int32 = -1
            for k in order {
                if sliceIndices[k] == last {
                    data[write - 1] += sliceData[k]
                } else {
                    last = sliceIndices[k]
                    indices[write] = last
                    data[write] = sliceData[k]
                    write += 1
                }
            }
        }
        indptr[majorCount] = write
        indices.removeSubrange(write...)
        data.removeSubrange(write...)
    }

    /// Drops minor entries whose `newIndex` is -1 and renumbers the others (a monotone map keeps order).
    mutating func selectMinor(_ newIndex: [Int32], keptCount: Int) {
        var write = 0
        var sliceStart = indptr[0]
        for m in 0 ..< majorCount {
            let start = sliceStart, end = indptr[m + 1]
            sliceStart = end
            indptr[m] = write
            for k in start ..< end {
                let j = newIndex[Int(indices[k])]
                if j >= 0 {
                    indices[write] = j
                    data[write] = data[k]
                    write += 1
                }
            }
        }
        indptr[majorCount] = write
        indices.removeSubrange(write...)
        data.removeSubrange(write...)
        minorCount = keptCount
    }

    /// The arrays as a CSR store with the major axis as rows.
    func rowsAsMajor() -> SparseMatrix {
        SparseMatrix(rows: majorCount, columns: minorCount, indptr: indptr, indices: indices, data: data)
    }

    /// The arrays as a CSR store with the minor axis as rows (a CSC matrix converted without densifying).
    func rowsAsMinor() -> SparseMatrix {
        SparseMatrix(rows: minorCount, columns: majorCount, cscIndptr: indptr, cscIndices: indices, cscData: data)
    }
}
