import GSelIO

extension StandardizedData {
    /// Visits the stored values of a CSR store's rows in this split, in row order, as
    /// `body(local row, feature, s, c_j)`: the standardized value is `s − c_j` where a value
    /// is stored and `−c_j` elsewhere, with `s = x·inv_j` (a stored NaN gives `s = c_j`, i.e.
    /// the mean) and `c_j = mean_j·inv_j`. The sparse passes of OMP and the marginal
    /// statistics are built on it; `matrix` is this split's store.
    func forEachStoredValue(of matrix: SparseMatrix, _ body: (Int, Int, Float, Float) -> Void) {
        for (i, r) in rows.enumerated() {
            for k in matrix.indptr[r] ..< matrix.indptr[r + 1] {
                let j = Int(matrix.indices[k]), x = matrix.data[k]
                let c = means[j] * inverseScales[j]
                body(i, j, x.isNaN ? c : x * inverseScales[j], c)
            }
        }
    }
}
