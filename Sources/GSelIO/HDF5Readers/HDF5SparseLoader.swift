/// Reads the `data`, `indices` and `indptr` datasets of a compressed sparse matrix group,
/// converting values to Float32 and indices to Int32 inside HDF5, and validates them.
enum HDF5SparseLoader {
    /// Names of the axes, for messages: e.g. major "obs row", minor "var column".
    struct Axes {
        var major: String
        var minor: String
    }

    /// Reads and validates the arrays of `group`, compressed along an axis of `majorCount`
    /// slices whose entries index `0 ..< minorCount`.
    static func read(_ group: HDF5Group, majorCount: Int, minorCount: Int, axes: Axes,
                     names: (data: String, indices: String, indptr: String) = ("data", "indices", "indptr")) throws -> CompressedSparseArrays {
        let file = group.file.path
        let dataSet = try group.dataset(names.data)
        let indexSet = try group.dataset(names.indices)
        let pointerSet = try group.dataset(names.indptr)
        for d in [dataSet, indexSet, pointerSet] {
            try d.requireRank(1, "a one-dimensional array")
            try d.requireDecodable()
            guard d.elementType.isNumeric else {
                throw InputError(file: file, location: d.path, "holds \(d.elementType), expected numbers")
            }
        }
        guard minorCount <= Int(Int32.max) else {
            throw InputError(file: file, location: group.path, "has \(minorCount) \(axes.minor)s; at most \(Int32.max) are supported")
        }
        let nnz = dataSet.count
        guard indexSet.count == nnz else {
            throw InputError(file: file, location: indexSet.path,
                             "has \(indexSet.count) entries but \(dataSet.path) has \(nnz); expected one index per stored value")
        }
        guard pointerSet.count == majorCount + 1 else {
            throw InputError(file: file, location: pointerSet.path,
                             "has \(pointerSet.count) entries, expected \(majorCount + 1) (one more than the \(majorCount) \(axes.major)s)")
        }
        guard case .integer = indexSet.elementType, case .integer = pointerSet.elementType else {
            throw InputError(file: file, location: group.path,
                             "indices are \(indexSet.elementType) and indptr is \(pointerSet.elementType), expected integers")
        }
        let pointers = try pointerSet.readAll(Int64.self)
        try validate(pointers: pointers, nnz: nnz, location: pointerSet.path, dataPath: dataSet.path, axes: axes, file: file)
        let indices = try indexSet.readAll(Int32.self)
        try validate(indices: indices, pointers: pointers, minorCount: minorCount, location: indexSet.path, axes: axes, file: file)
        let data = try dataSet.readAll(Float.self)
        try data.withUnsafeBufferPointer { values in
            try dataSet.requireFinite(values, first: 0) { k in
                "entry \(k) (\(axes.major) \(slice(containing: k, pointers: pointers)), \(axes.minor) \(indices[k]))"
            }
        }
        var arrays = CompressedSparseArrays(majorCount: majorCount, minorCount: minorCount,
                                            indptr: pointers.map { Int($0) }, indices: indices, data: data)
        arrays.canonicalize()
        return arrays
    }

    static func validate(pointers: [Int64], nnz: Int, location: String, dataPath: String, axes: Axes, file: String) throws {
        guard pointers.first == 0 else {
            throw InputError(file: file, location: location, "starts at \(pointers.first ?? -1), expected 0")
        }
        for i in 1 ..< pointers.count where pointers[i] < pointers[i - 1] {
            throw InputError(file: file, location: location,
                             "is not monotone: entry \(i) is \(pointers[i]) after \(pointers[i - 1]) (\(axes.major) \(i - 1) would have a negative length)")
        }
        guard pointers.last == Int64(nnz) else {
            throw InputError(file: file, location: location,
                             "ends at \(pointers.last ?? -1) but \(dataPath) has \(nnz) values; expected the last entry to equal the number of stored values")
        }
    }

    static func validate(indices: [Int32], pointers: [Int64], minorCount: Int, location: String, axes: Axes, file: String) throws {
        let limit = Int32(minorCount)
        var bad = -1
        indices.withUnsafeBufferPointer { idx in
            var lo: Int32 = 0, hi: Int32 = limit - 1
            for v in idx { lo = min(lo, v); hi = max(hi, v) }
            guard lo < 0 || hi >= limit else { return }
            bad = idx.firstIndex { $0 < 0 || $0 >= limit } ?? -1
        }
        guard bad >= 0 else { return }
        throw InputError(file: file, location: location,
                         "entry \(bad) (in \(axes.major) \(slice(containing: bad, pointers: pointers))) is \(indices[bad]); expected a \(axes.minor) index in 0..<\(minorCount)")
    }

    /// The major slice holding stored entry `entry`: the last pointer <= entry.
    static func slice(containing entry: Int, pointers: [Int64]) -> Int {
        var lo = 0, hi = pointers.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if pointers[mid] <= Int64(entry) { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
