extension HDF5DenseLoader {
    /// A dataset whose Float32 store exceeds `budget`, read in row slabs into an on-disk
    /// cache (`DiskMatrixWriter`; transposed on disk when samples are its columns); nil when
    /// it fits in memory. The size is known before reading, so the cache folder must have
    /// room for it first.
    static func spill(_ dataset: HDF5Dataset, samplesAreRows: Bool, budget: MemoryBudget) throws -> DiskBackedMatrix? {
        let bytes = MemoryBudget.size(count: dataset.count, stride: MemoryLayout<Float>.stride)
        guard let bytes else {
            try budget.check(nil, file: dataset.file.path, location: dataset.path, what: "the matrix")
            return nil
        }
        guard !budget.allows(bytes) else { return nil }
        let width = dataset.shape[1]
        let writer = try DiskMatrixWriter(order: samplesAreRows ? .samples : .features, element: .float32,
                                          recordLength: width, source: dataset.file.path, expectedBytes: bytes)
        var slab: [Float] = []
        try dataset.readSlabs(as: Float.self) { rows in
            let count = rows.count * width
            if slab.count < count { slab = [Float](repeating: 0, count: count) }
            try slab.withUnsafeMutableBufferPointer { buffer in
                try dataset.read(rows: rows, into: buffer.baseAddress!)
                try dataset.requireFinite(UnsafeBufferPointer(start: buffer.baseAddress!, count: count),
                                          first: rows.lowerBound * width,
                                          place: { "row \($0 / width), column \($0 % width) (0-based)" })
                try writer.append(records: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[0 ..< count])))
            }
        }
        return try writer.finish(transposeBytes: budget.transposeBytes, workingCopyLimit: budget.workingCopyBytes)
    }
}
