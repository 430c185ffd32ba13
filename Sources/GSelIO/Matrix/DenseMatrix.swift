/// Dense Float32 matrix, stored sample-major (row-major, samples x features).
/// NaN marks a missing value.
public struct DenseMatrix: FeatureMatrix {
    public let rowCount: Int
    public let columnCount: Int
    /// Row-major values, `values[row * columnCount + column]`.
    public var values: [Float]

    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(values.count == rows * columns, "DenseMatrix: value count does not match shape")
        self.rowCount = rows
        self.columnCount = columns
        self.values = values
    }

    /// Builds a sample-major matrix from feature-major values (`featureMajor[f * rows + s]`).
    public init(rows: Int, columns: Int, featureMajor: [Float]) {
        precondition(featureMajor.count == rows * columns)
        var v = [Float](repeating: 0, count: rows * columns)
        v.withUnsafeMutableBufferPointer { dst in
            featureMajor.withUnsafeBufferPointer { src in
                // Blocked transpose keeps both sides in cache.
                let block = 64
                for c0 in stride(from: 0, to: columns, by: block) {
                    for r0 in stride(from: 0, to: rows, by: block) {
                        for c in c0 ..< min(c0 + block, columns) {
                            for r in r0 ..< min(r0 + block, rows) {
                                dst[r * columns + c] = src[c * rows + r]
                            }
                        }
                    }
                }
            }
        }
        self.init(rows: rows, columns: columns, values: v)
    }

    public var storageBytes: Int { values.count * MemoryLayout<Float>.stride }
    public var preferredAxis: MatrixAxis { .samples }

    public subscript(row: Int, column: Int) -> Float {
        values[row * columnCount + column]
    }

    public func copyRow(_ row: Int, into out: UnsafeMutablePointer<Float>) {
        values.withUnsafeBufferPointer { v in
            out.update(from: v.baseAddress! + row * columnCount, count: columnCount)
        }
    }

    public func copyColumn(_ column: Int, rows: [Int], into out: UnsafeMutablePointer<Float>) {
        values.withUnsafeBufferPointer { v in
            for (i, r) in rows.enumerated() { out[i] = v[r * columnCount + column] }
        }
    }
}
