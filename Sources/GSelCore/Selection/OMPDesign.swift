import CBLAS
import GSelIO

/// The standardized split as orthogonal matching pursuit reads it: one dense Float32 copy
/// of the n x p values when that is small enough (the fastest: one BLAS pass per step), else
/// streamed from the store in blocks on every pass, so OMP and the wide-data screen never
/// hold n x p values of a large (or disk-backed) store.
public struct OMPDesign {
    /// Largest dense copy (bytes); beyond it every pass streams from the store.
    public static let denseLimitBytes = 512 << 20

    let rows: Int, columns: Int
    private let data: StandardizedData
    /// Row-major n x p standardized values, when held.
    private let dense: [Float]?

    init(_ data: StandardizedData, denseLimitBytes: Int = OMPDesign.denseLimitBytes) {
        self.data = data
        rows = data.sampleCount
        columns = data.featureCount
        let bytes = MemoryBudget.size(count: rows * columns, stride: MemoryLayout<Float>.stride) ?? .max
        dense = bytes <= denseLimitBytes ? data.denseRows() : nil
    }

    /// ‖x_j‖² of every column (sums over the rows in order, whichever way the values are read).
    func squaredColumnNorms() -> [Double] {
        var norms = [Double](repeating: 0, count: columns)
        if let dense {
            dense.withUnsafeBufferPointer { v in
                norms.withUnsafeMutableBufferPointer { out in
                    for i in 0 ..< rows {
                        let row = v.baseAddress! + i * columns
                        for j in 0 ..< columns { let a = Double(row[j]); out[j] += a * a }
                    }
                }
            }
        } else {
            data.forEachBlock { b in
                for f in 0 ..< b.featureCount {
                    var s = norms[b.featureStart + f]
                    for i in 0 ..< b.rowCount { let a = Double(b[row: i, feature: f]); s += a * a }
                    norms[b.featureStart + f] = s
                }
            }
        }
        return norms
    }

    /// `products = Xᵀ R`, stored target-major (`products[c * p + j]`), for `R` (n x m, row-major).
    /// Dense: a BLAS matrix-vector product for one target; for several, column blocks of `X`
    /// that stay in cache while every target accumulates into them. Streamed: one pass over
    /// the store's blocks, each a BLAS matrix-vector product per target.
    func correlate(residual: [Float], targets m: Int, into products: inout [Float]) {
        let (n, p) = (rows, columns)
        guard let x = dense else {
            products.withUnsafeMutableBufferPointer { out in
                let base = out.baseAddress!
                base.update(repeating: 0, count: p * m)
                residual.withUnsafeBufferPointer { r in
                    data.forEachBlock { b in
                        for c in 0 ..< m {
                            let rc = r.baseAddress! + b.rowStart * m + c
                            if b.featureStride == 1 {
                                // Sample-major rows: products[f0 ...] += blockᵀ r.
                                cblas_sgemv(CblasRowMajor, CblasTrans, Int32(b.rowCount), Int32(b.featureCount), 1,
                                            b.base, Int32(b.rowStride), rc, Int32(m), 1, base + c * p + b.featureStart, 1)
                            } else {
                                // Feature-major columns: one row of n values per feature.
                                cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(b.featureCount), Int32(b.rowCount), 1,
                                            b.base, Int32(b.featureStride), rc, Int32(m), 1, base + c * p + b.featureStart, 1)
                            }
                        }
                    }
                }
            }
            return
        }
        if m == 1 {
            cblas_sgemv(CblasRowMajor, CblasTrans, Int32(n), Int32(p), 1, x, Int32(p),
                        residual, 1, 0, &products, 1)
            return
        }
        let block = 8192
        x.withUnsafeBufferPointer { xs in
            products.withUnsafeMutableBufferPointer { out in
                let base = out.baseAddress!
                base.update(repeating: 0, count: p * m)
                for j0 in stride(from: 0, to: p, by: block) {
                    let width = Int32(min(block, p - j0))
                    for i in 0 ..< n {
                        let row = xs.baseAddress! + i * p + j0
                        for c in 0 ..< m { cblas_saxpy(width, residual[i * m + c], row, 1, base + c * p + j0, 1) }
                    }
                }
            }
        }
    }

    /// Column `j` in Double.
    func column(_ j: Int) -> [Double] {
        if let dense { return (0 ..< rows).map { Double(dense[$0 * columns + j]) } }
        return data.column(j).map(Double.init)
    }
}
