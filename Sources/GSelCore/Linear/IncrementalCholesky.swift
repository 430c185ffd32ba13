/// Cholesky factor `L` (lower triangular, `G = L Lᵀ`) of a symmetric positive definite
/// Gram matrix that grows by one row and column at a time, in Double. Appending a
/// column costs one triangular solve (O(s²)), so a forward selection path of s
/// steps never refactorizes from scratch.
struct IncrementalCholesky: Sendable {
    /// Current dimension.
    private(set) var size = 0
    /// Rows of `L` packed one after another: row `i` holds `L[i, 0 ... i]` at `i(i+1)/2`.
    private var packed: [Double] = []

    @inline(__always) private static func offset(_ row: Int) -> Int { row * (row + 1) / 2 }

    /// Appends a column whose products with the existing columns are `cross`
    /// (`cross.count == size`) and whose squared norm (diagonal entry) is `diagonal`.
    /// Returns false and leaves the factor unchanged when the new column is numerically
    /// in the span of the existing ones: its squared distance to that span is at most
    /// `relativeTolerance * diagonal`.
    mutating func append(cross: [Double], diagonal: Double, relativeTolerance: Double) -> Bool {
        precondition(cross.count == size)
        var row = cross
        forwardSubstitute(&row, width: 1, column: 0)
        var projected = 0.0
        for v in row { projected += v * v }
        let residual = diagonal - projected
        guard diagonal > 0, residual > relativeTolerance * diagonal else { return false }
        packed.append(contentsOf: row)
        packed.append(residual.squareRoot())
        size += 1
        return true
    }

    /// Solves `L Lᵀ X = B` in place for `B` given as `size x columns`, row-major.
    func solve(_ b: inout [Double], columns: Int) {
        precondition(b.count == size * columns)
        for c in 0 ..< columns {
            forwardSubstitute(&b, width: columns, column: c)
            backSubstitute(&b, width: columns, column: c)
        }
    }

    /// `L z = b` for the column `c` of a row-major block with `width` columns.
    private func forwardSubstitute(_ b: inout [Double], width: Int, column c: Int) {
        packed.withUnsafeBufferPointer { l in
            for i in 0 ..< size {
                let o = Self.offset(i)
                var s = b[i * width + c]
                for j in 0 ..< i { s -= l[o + j] * b[j * width + c] }
                b[i * width + c] = s / l[o + i]
            }
        }
    }

    /// `Lᵀ x = z` for the column `c` of a row-major block with `width` columns.
    private func backSubstitute(_ b: inout [Double], width: Int, column c: Int) {
        packed.withUnsafeBufferPointer { l in
            for i in stride(from: size - 1, through: 0, by: -1) {
                var s = b[i * width + c]
                for j in (i + 1) ..< size { s -= l[Self.offset(j) + i] * b[j * width + c] }
                b[i * width + c] = s / l[Self.offset(i) + i]
            }
        }
    }
}
