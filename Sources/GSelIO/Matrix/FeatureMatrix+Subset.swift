/// Compact copies of part of a store: the rows of one fit and the columns a screen kept.
extension FeatureMatrix {
    /// `rows` x `columns` of this store (in those orders) as a sample-major Float32 matrix
    /// of the raw values (NaN = missing). Stores with a more compact form override it.
    public func subset(rows: [Int], columns: [Int]) -> any FeatureMatrix {
        var values = [Float](repeating: 0, count: rows.count * columns.count)
        let column = UnsafeMutablePointer<Float>.allocate(capacity: max(rows.count, 1))
        defer { column.deallocate() }
        let width = columns.count
        for (c, j) in columns.enumerated() {
            copyColumn(j, rows: rows, into: column)
            for i in rows.indices { values[i * width + c] = column[i] }
        }
        return DenseMatrix(rows: rows.count, columns: width, values: values)
    }
}

extension SparseMatrix {
    /// `rows` x `columns` as CSR (never densified); column order follows `columns`.
    public func subset(rows: [Int], columns: [Int]) -> any FeatureMatrix {
        var position = [Int32](repeating: -1, count: columnCount)
        for (c, j) in columns.enumerated() { position[j] = Int32(c) }
        var ptr = [0], idx: [Int32] = [], val: [Float] = []
        var row: [(Int32, Float)] = []
        for r in rows {
            row.removeAll(keepingCapacity: true)
            for k in indptr[r] ..< indptr[r + 1] where position[Int(indices[k])] >= 0 {
                row.append((position[Int(indices[k])], data[k]))
            }
            row.sort { $0.0 < $1.0 }
            for (c, v) in row { idx.append(c); val.append(v) }
            ptr.append(idx.count)
        }
        return SparseMatrix(rows: rows.count, columns: columns.count, indptr: ptr, indices: idx, data: val)
    }
}

extension DosageMatrix {
    /// `rows` x `columns` as sample-major dosage codes.
    public func subset(rows: [Int], columns: [Int]) -> any FeatureMatrix {
        var out = [UInt8](repeating: 0, count: rows.count * columns.count)
        let width = columns.count
        codes.withUnsafeBufferPointer { src in
            for (c, j) in columns.enumerated() {
                let base = j * rowCount
                for (i, r) in rows.enumerated() { out[i * width + c] = src[base + r] }
            }
        }
        return SampleMajorDosages(rowCount: rows.count, columnCount: width, codes: out)
    }
}

extension SampleMajorDosages {
    /// `rows` x `columns` as sample-major dosage codes.
    public func subset(rows: [Int], columns: [Int]) -> any FeatureMatrix {
        var out = [UInt8](repeating: 0, count: rows.count * columns.count)
        let width = columns.count
        codes.withUnsafeBufferPointer { src in
            for (i, r) in rows.enumerated() {
                for (c, j) in columns.enumerated() { out[i * width + c] = src[r * columnCount + j] }
            }
        }
        return SampleMajorDosages(rowCount: rows.count, columnCount: width, codes: out)
    }
}
