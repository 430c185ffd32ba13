import GSelIO

/// OMP's passes over a CSR store, on its stored values only. A standardized value is
/// `s − c_j` with `s = x·inv_j` (0 where nothing is stored; a stored NaN is `c_j`, i.e. 0
/// standardized) and `c_j = mean_j·inv_j`, so
/// - `Σ_i x_std_ij·R_ic = Σ_{stored} s·R_ic − c_j·Σ_i R_ic`, and
/// - `‖x_j‖² = Σ_{stored} (s − c_j)² + (n − stored_j)·c_j²`:
/// O(nnz·m) per pass instead of densifying n x p values (`StandardizedData.forEachStoredValue`).
/// Sums run in row order.
extension OMPDesign {
    func sparseSquaredColumnNorms(_ matrix: SparseMatrix) -> [Double] {
        var norms = [Double](repeating: 0, count: columns)
        var stored = [Int](repeating: 0, count: columns)
        data.forEachStoredValue(of: matrix) { _, j, s, c in
            let d = Double(s) - Double(c)
            norms[j] += d * d
            stored[j] += 1
        }
        for j in 0 ..< columns {
            let c = Double(data.means[j] * data.inverseScales[j])
            norms[j] += Double(rows - stored[j]) * c * c
        }
        return norms
    }

    func sparseCorrelate(_ matrix: SparseMatrix, residual: [Float], targets m: Int, into products: inout [Float]) {
        let p = columns
        // Feature-major while accumulating (one cache line per stored value), then transposed.
        var byFeature = [Float](repeating: 0, count: p * m)
        var residualSums = [Float](repeating: 0, count: m)
        residual.withUnsafeBufferPointer { r in
            for i in 0 ..< rows { for c in 0 ..< m { residualSums[c] += r[i * m + c] } }
            byFeature.withUnsafeMutableBufferPointer { acc in
                data.forEachStoredValue(of: matrix) { i, j, s, _ in
                    let ri = r.baseAddress! + i * m, a = acc.baseAddress! + j * m
                    for c in 0 ..< m { a[c] += s * ri[c] }
                }
            }
        }
        for j in 0 ..< p {
            let shift = data.means[j] * data.inverseScales[j]
            for c in 0 ..< m { products[c * p + j] = byFeature[j * m + c] - shift * residualSums[c] }
        }
    }
}
