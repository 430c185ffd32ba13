/// Finds features that take one value (or only missing values) across every sample. Such a
/// feature carries no information: selection skips it silently, so the reader says how many
/// there are, and a matrix where no feature varies at all is an input error (SPEC §5).
enum FeatureVariation {
    /// Indices of the constant features of `matrix`; nil for a store it does not inspect
    /// (VCF dosages, whose QC already drops monomorphic sites).
    static func constantFeatures(of matrix: any FeatureMatrix) -> [Int]? {
        switch matrix {
        case let dense as DenseMatrix: return constantColumns(dense: dense)
        case let sparse as SparseMatrix: return constantColumns(sparse: sparse)
        default: return nil
        }
    }

    private static func constantColumns(dense matrix: DenseMatrix) -> [Int] {
        let p = matrix.columnCount
        var reference = [Float](repeating: .nan, count: p)
        var varies = [Bool](repeating: false, count: p)
        matrix.values.withUnsafeBufferPointer { values in
            for row in 0 ..< matrix.rowCount {
                let base = row * p
                for j in 0 ..< p where !varies[j] {
                    let v = values[base + j]
                    if v.isNaN { continue }
                    if reference[j].isNaN { reference[j] = v } else if v != reference[j] { varies[j] = true }
                }
            }
        }
        return varies.indices.filter { !varies[$0] }
    }

    /// A sparse column is constant when its stored values (NaN = missing) all equal one value
    /// and, if some rows are not stored (implicit zeros), that value is 0. One pass over the entries.
    private static func constantColumns(sparse matrix: SparseMatrix) -> [Int] {
        let p = matrix.columnCount
        var stored = [Int](repeating: 0, count: p)
        var first = [Float](repeating: .nan, count: p)
        var differs = [Bool](repeating: false, count: p)
        matrix.indices.withUnsafeBufferPointer { indices in
            matrix.data.withUnsafeBufferPointer { data in
                for k in 0 ..< indices.count {
                    let j = Int(indices[k]), v = data[k]
                    stored[j] += 1
                    if v.isNaN { continue }
                    if first[j].isNaN { first[j] = v } else if v != first[j] { differs[j] = true }
                }
            }
        }
        return (0 ..< p).filter { j in
            !differs[j] && (stored[j] == matrix.rowCount || first[j].isNaN || first[j] == 0)
        }
    }
}

extension LoadedMatrix {
    /// Adds a note and a `constant_features` counter for features that never vary; throws
    /// when no feature varies (an all-missing or all-constant matrix cannot rank anything).
    /// With a single sample nothing can vary, so such a matrix is left alone (it can still be
    /// exported or inspected). `location` names where the matrix is in `file` (an HDF5 path).
    func checkingVariation(file: String, location: String? = nil) throws -> LoadedMatrix {
        guard sampleIDs.count > 1, let constant = FeatureVariation.constantFeatures(of: matrix), !constant.isEmpty else {
            return self
        }
        let p = features.count, n = sampleIDs.count
        if constant.count == p {
            throw InputError(file: file, location: location,
                             "no feature varies: each of the \(p) feature\(p == 1 ? "" : "s") has a single value or only missing values across the \(n) sample\(n == 1 ? "" : "s"); expected at least one feature whose values differ between samples")
        }
        var checked = self
        checked.counters["constant_features"] = constant.count
        checked.notes.append("\(constant.count) of \(p) features are constant or entirely missing across all \(n) samples and cannot be selected: \(MessageText.list(constant.map { features[$0].id }, limit: 5))")
        return checked
    }
}
