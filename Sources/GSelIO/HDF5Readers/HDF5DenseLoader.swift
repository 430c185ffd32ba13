/// Reads a 2-D numeric dataset into a sample-major Float32 `DenseMatrix`, in row slabs of
/// bounded size (HDF5 converts the stored type), transposing when samples are its columns;
/// one larger than `budget` goes to an on-disk cache instead (`spill`).
enum HDF5DenseLoader {
    /// `samplesAreRows`: the dataset is samples x features (else features x samples).
    static func load(_ dataset: HDF5Dataset, samplesAreRows: Bool, budget: MemoryBudget = .unlimited) throws -> any FeatureMatrix {
        try dataset.requireRank(2, "a two-dimensional matrix")
        try dataset.requireDecodable()
        guard dataset.elementType.isNumeric || dataset.elementType.isBoolean else {
            throw InputError(file: dataset.file.path, location: dataset.path, "holds \(dataset.elementType), expected numbers")
        }
        try dataset.requireStoredData()
        if let onDisk = try spill(dataset, samplesAreRows: samplesAreRows, budget: budget) { return onDisk }
        let rows = dataset.shape[0], columns = dataset.shape[1]
        let total = rows * columns
        let place = { (element: Int) in "row \(element / columns), column \(element % columns) (0-based)" }
        if samplesAreRows {
            let values = try [Float](unsafeUninitializedCapacity: total) { buffer, initialized in
                try dataset.readSlabs(as: Float.self) { slab in
                    let start = buffer.baseAddress! + slab.lowerBound * columns
                    try dataset.read(rows: slab, into: start)
                    try dataset.requireFinite(UnsafeBufferPointer(start: start, count: slab.count * columns),
                                              first: slab.lowerBound * columns, place: place)
                }
                initialized = total
            }
            return DenseMatrix(rows: rows, columns: columns, values: values)
        }
        // Features x samples: read slabs of feature rows and scatter them into sample-major order.
        let samples = columns, features = rows
        var block: [Float] = []
        let values = try [Float](unsafeUninitializedCapacity: total) { buffer, initialized in
            let dst = buffer.baseAddress!
            try dataset.readSlabs(as: Float.self) { slab in
                if block.count < slab.count * samples { block = [Float](repeating: 0, count: slab.count * samples) }
                try block.withUnsafeMutableBufferPointer { src in
                    try dataset.read(rows: slab, into: src.baseAddress!)
                    try dataset.requireFinite(UnsafeBufferPointer(start: src.baseAddress!, count: slab.count * samples),
                                              first: slab.lowerBound * samples, place: place)
                    transpose(src.baseAddress!, featureRange: slab, samples: samples, features: features, into: dst)
                }
            }
            initialized = total
        }
        return DenseMatrix(rows: samples, columns: features, values: values)
    }

    /// Writes `src[(f - lo) * samples + s]` to `dst[s * features + f]` for f in `featureRange`, in cache tiles.
    static func transpose(_ src: UnsafePointer<Float>, featureRange: Range<Int>, samples: Int, features: Int,
                          into dst: UnsafeMutablePointer<Float>) {
        let tile = 64
        for s0 in stride(from: 0, to: samples, by: tile) {
            let s1 = min(samples, s0 + tile)
            for f0 in stride(from: featureRange.lowerBound, to: featureRange.upperBound, by: tile) {
                let f1 = min(featureRange.upperBound, f0 + tile)
                for f in f0 ..< f1 {
                    let row = src + (f - featureRange.lowerBound) * samples
                    for s in s0 ..< s1 { dst[s * features + f] = row[s] }
                }
            }
        }
    }
}
