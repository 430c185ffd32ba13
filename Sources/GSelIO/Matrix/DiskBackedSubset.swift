/// Some rows and columns of a `DiskBackedMatrix`, read through from its file: what a subset
/// of a disk-backed store becomes when a compact copy would exceed the store's working-copy
/// limit (a screened fit on a store larger than `--max-memory`). Values are those of the
/// copy, so a run reads the same numbers either way; each row read costs one read of the
/// whole stored row.
public struct DiskBackedSubset: FeatureMatrix {
    public let base: DiskBackedMatrix
    /// Rows and columns of `base`, in this view's order.
    public let rows: [Int], columns: [Int]

    public init(base: DiskBackedMatrix, rows: [Int], columns: [Int]) {
        self.base = base
        self.rows = rows
        self.columns = columns
    }

    public var rowCount: Int { rows.count }
    public var columnCount: Int { columns.count }
    /// The index arrays; the values stay in the file.
    public var storageBytes: Int { (rows.count + columns.count) * MemoryLayout<Int>.stride }
    public var preferredAxis: MatrixAxis { .samples }
    public var workingCopyLimit: Int? { base.workingCopyLimit }

    public func copyRow(_ row: Int, into out: UnsafeMutablePointer<Float>) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: base.columnCount) { full in
            base.copyRow(rows[row], into: full.baseAddress!)
            for (c, j) in columns.enumerated() { out[c] = full[j] }
        }
    }

    public func copyColumn(_ column: Int, rows chosen: [Int], into out: UnsafeMutablePointer<Float>) {
        base.copyColumn(columns[column], rows: chosen.map { rows[$0] }, into: out)
    }

    public func subset(rows chosen: [Int], columns picked: [Int]) -> any FeatureMatrix {
        base.subset(rows: chosen.map { rows[$0] }, columns: picked.map { columns[$0] })
    }
}
