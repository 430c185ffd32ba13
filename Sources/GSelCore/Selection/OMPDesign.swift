import CBLAS
import GSelIO

/// The standardized split as orthogonal matching pursuit reads it: one dense Float32 copy
/// of the n x p values when that is small enough (the fastest: no re-reading of the store on
/// each pass), else streamed from the store in blocks on every pass, so OMP and the
/// wide-data screen never hold n x p values of a large (or disk-backed) store. The copy is
/// visited in the row blocks the store's stream uses, with the same BLAS calls, so both ways
/// give the same bits for a sample-major store: a run on a store larger than `--max-memory`
/// ranks as one in memory. A large CSR store is read through its stored values instead.
/// Sample-major dosage codes (the VCF store, or a copy of genotypes) are always streamed: a
/// pass decodes them about as fast as it would read a Float32 copy, which would take 4x
/// their memory.
public struct OMPDesign {
    /// Largest dense copy (bytes); beyond it (or the store's `workingCopyLimit`) every pass
    /// streams from the store.
    public static let denseLimitBytes = 512 << 20

    let rows: Int, columns: Int
    let data: StandardizedData
    /// Row-major n x p standardized values, when held.
    private let dense: [Float]?
    /// A CSR store too large for the dense copy (without covariates): its passes read the
    /// stored values only (`OMPDesign+Sparse.swift`) instead of streaming dense blocks.
    let sparse: SparseMatrix?

    init(_ data: StandardizedData, denseLimitBytes: Int = OMPDesign.denseLimitBytes) {
        self.data = data
        rows = data.sampleCount
        columns = data.featureCount
        let bytes = MemoryBudget.size(count: rows * columns, stride: MemoryLayout<Float>.stride) ?? .max
        let limit = min(denseLimitBytes, data.matrix.workingCopyLimit ?? .max)
        dense = bytes <= limit && !Self.holdsDosageRows(data.matrix) ? data.denseRows() : nil
        sparse = dense == nil && data.covariateCount == 0 ? data.matrix as? SparseMatrix : nil
    }

    /// Whether `matrix` reads dosage codes row by row (with or without covariate columns).
    private static func holdsDosageRows(_ matrix: any FeatureMatrix) -> Bool {
        ((matrix as? CovariateMatrix)?.base ?? matrix) is SampleMajorDosages
    }

    /// Visits the standardized values once in the blocks of `StandardizedData.forEachBlock`,
    /// from the dense copy when there is one.
    private func forEachBlock(_ body: (StandardizedBlock) -> Void) {
        guard let dense else { return data.forEachBlock(body) }
        let (n, p) = (rows, columns)
        guard n > 0, p > 0 else { return }
        let blockRows = StandardizedBlock.rowsPerBlock(features: p, samples: n)
        dense.withUnsafeBufferPointer { v in
            for r0 in stride(from: 0, to: n, by: blockRows) {
                body(StandardizedBlock(rowStart: r0, featureStart: 0, rowCount: min(blockRows, n - r0), featureCount: p,
                                       rowStride: p, featureStride: 1, base: v.baseAddress! + r0 * p))
            }
        }
    }

    /// ‖x_j‖² of every column (sums over the rows in order, whichever way the values are read).
    func squaredColumnNorms() -> [Double] {
        if let sparse { return sparseSquaredColumnNorms(sparse) }
        var norms = [Double](repeating: 0, count: columns)
        forEachBlock { b in
            for f in 0 ..< b.featureCount {
                var s = norms[b.featureStart + f]
                for i in 0 ..< b.rowCount { let a = Double(b[row: i, feature: f]); s += a * a }
                norms[b.featureStart + f] = s
            }
        }
        return norms
    }

    /// `products = Xᵀ R`, stored target-major (`products[c * p + j]`), for `R` (n x m, row-major):
    /// one pass over the blocks, each a BLAS matrix-vector product (one target) or
    /// matrix-matrix product (several) accumulated into `products`.
    func correlate(residual: [Float], targets m: Int, into products: inout [Float]) {
        if let sparse { return sparseCorrelate(sparse, residual: residual, targets: m, into: &products) }
        let p = columns
        products.withUnsafeMutableBufferPointer { out in
            let base = out.baseAddress!
            base.update(repeating: 0, count: p * m)
            residual.withUnsafeBufferPointer { r in
                forEachBlock { b in
                    let rb = r.baseAddress! + b.rowStart * m, c = base + b.featureStart
                    let (rowCount, featureCount) = (Int32(b.rowCount), Int32(b.featureCount))
                    // Sample-major rows (featureStride 1) or feature-major columns (one row of n values per feature).
                    let sampleMajor = b.featureStride == 1
                    let ld = Int32(sampleMajor ? b.rowStride : b.featureStride)
                    if m == 1 {
                        cblas_sgemv(CblasRowMajor, sampleMajor ? CblasTrans : CblasNoTrans,
                                    sampleMajor ? rowCount : featureCount, sampleMajor ? featureCount : rowCount,
                                    1, b.base, ld, rb, 1, 1, c, 1)
                    } else {
                        // C (m x features, row stride p) += R_bᵀ X_b.
                        cblas_sgemm(CblasRowMajor, CblasTrans, sampleMajor ? CblasNoTrans : CblasTrans,
                                    Int32(m), featureCount, rowCount, 1, rb, Int32(m), b.base, ld, 1, c, Int32(p))
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
