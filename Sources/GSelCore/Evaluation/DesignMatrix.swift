/// A small dense model input: `rowCount x columnCount` Double values, row-major.
/// Built from a few selected columns of a standardized split for refitting.
public struct DesignMatrix: Sendable, Equatable {
    public let rowCount: Int
    public let columnCount: Int
    /// `values[row * columnCount + column]`.
    public let values: [Double]

    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "DesignMatrix: value count does not match shape")
        self.rowCount = rows
        self.columnCount = columns
        self.values = values
    }

    /// The standardized values of `features` (in that order) over the rows of `data`.
    public init(_ data: StandardizedData, features: [Int]) {
        let n = data.sampleCount, d = features.count
        var v = [Double](repeating: 0, count: n * d)
        for (c, j) in features.enumerated() {
            for (i, x) in data.column(j).enumerated() { v[i * d + c] = Double(x) }
        }
        self.init(rows: n, columns: d, values: v)
    }
}
