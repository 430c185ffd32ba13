extension DiskBackedMatrix {
    /// `rows` x `columns` in the in-memory store's form (dosage codes stay codes): a compact
    /// sample-major copy read one stored row at a time, or, when that copy would exceed
    /// `workingCopyLimit`, a view that reads through from the file (`DiskBackedSubset`).
    public func subset(rows: [Int], columns: [Int]) -> any FeatureMatrix {
        let bytes = MemoryBudget.size(count: rows.count * columns.count, stride: element.size) ?? .max
        if let limit = workingCopyLimit, bytes > limit {
            return DiskBackedSubset(base: self, rows: rows, columns: columns)
        }
        switch element {
        case .float32:
            return DenseMatrix(rows: rows.count, columns: columns.count, values: gather(Float.self, rows: rows, columns: columns))
        case .dosage:
            return SampleMajorDosages(rowCount: rows.count, columnCount: columns.count,
                                      codes: gather(UInt8.self, rows: rows, columns: columns))
        }
    }

    /// The stored elements (as `T`, the element's own type) of `rows` x `columns`, row-major.
    private func gather<T: BitwiseCopyable>(_: T.Type, rows: [Int], columns: [Int]) -> [T] {
        precondition(MemoryLayout<T>.stride == element.size)
        let p = columnCount, width = columns.count
        return [T](unsafeUninitializedCapacity: rows.count * width) { out, initialized in
            withUnsafeTemporaryAllocation(of: T.self, capacity: p) { row in
                for (i, r) in rows.enumerated() {
                    read(row.baseAddress!, count: p * element.size, offset: r * p * element.size)
                    for (c, j) in columns.enumerated() { out[i * width + c] = row[j] }
                }
            }
            initialized = rows.count * width
        }
    }
}
