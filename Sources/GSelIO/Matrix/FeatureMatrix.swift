/// A samples x features matrix held in a compact store. Missing values are NaN
/// when read out. Rows are samples, columns are features.
public protocol FeatureMatrix: Sendable {
    /// Number of samples.
    var rowCount: Int { get }
    /// Number of features.
    var columnCount: Int { get }
    /// Bytes held by the store (what `--max-memory` is checked against).
    var storageBytes: Int { get }
    /// Whether reading whole rows (`.samples`) or whole columns (`.features`) is the cheap access.
    var preferredAxis: MatrixAxis { get }
    /// Writes the raw values of row `row` into `out[0 ..< columnCount]` (NaN = missing).
    func copyRow(_ row: Int, into out: UnsafeMutablePointer<Float>)
    /// Writes row `row` centred and scaled, `(x − mean[j]) · scale[j]` and 0 where a value is
    /// missing, into `out[0 ..< columnCount]`: `copyRow` and that map, in one pass where the
    /// store can (dosage codes), with the same values.
    func copyRow(_ row: Int, centredBy mean: UnsafePointer<Float>, scaledBy scale: UnsafePointer<Float>,
                 into out: UnsafeMutablePointer<Float>)
    /// Writes the raw values of column `column` at `rows` into `out[0 ..< rows.count]`.
    func copyColumn(_ column: Int, rows: [Int], into out: UnsafeMutablePointer<Float>)
    /// A sample-major copy of `rows` (in that order) for a minibatch trainer, when this store
    /// is organised by features and a copy is worth its memory; nil = read this store as it is.
    func sampleMajorCopy(rows: [Int]) -> (any FeatureMatrix)?
    /// `rows` x `columns` of this store, in those orders, as a compact sample-major copy.
    func subset(rows: [Int], columns: [Int]) -> any FeatureMatrix
    /// The most bytes one working copy of this store's values may take (a fit's dense
    /// design, a column subset); nil = the usual sizes. A store too large for `--max-memory`
    /// (`DiskBackedMatrix`) sets it so that a run streams instead of copying.
    var workingCopyLimit: Int? { get }
}

/// Which axis of a matrix a stream or a store is organised by.
public enum MatrixAxis: String, Sendable, Codable {
    /// One record per sample (samples as rows).
    case samples
    /// One record per feature (features as rows, e.g. VCF, features-by-samples tables).
    case features
}

extension FeatureMatrix {
    public func sampleMajorCopy(rows: [Int]) -> (any FeatureMatrix)? { nil }
    public var workingCopyLimit: Int? { nil }

    public func copyRow(_ row: Int, centredBy mean: UnsafePointer<Float>, scaledBy scale: UnsafePointer<Float>,
                        into out: UnsafeMutablePointer<Float>) {
        copyRow(row, into: out)
        for j in 0 ..< columnCount {
            let x = out[j]
            out[j] = x.isNaN ? 0 : (x - mean[j]) * scale[j]
        }
    }

    /// The raw values of one column over all rows.
    public func column(_ column: Int) -> [Float] {
        let rows = Array(0 ..< rowCount)
        return [Float](unsafeUninitializedCapacity: rowCount) { buf, n in
            copyColumn(column, rows: rows, into: buf.baseAddress!)
            n = rowCount
        }
    }

    /// The raw values of one row over all columns.
    public func row(_ row: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: columnCount) { buf, n in
            copyRow(row, into: buf.baseAddress!)
            n = columnCount
        }
    }
}
