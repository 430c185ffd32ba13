import CBLAS

/// The objective of `LogisticRegressionModel` and its class probabilities, computed so
/// that a refit on tens of thousands of rows stays cheap. Rows are taken in blocks that
/// stay in cache, so the design matrix is read from memory once per evaluation; per
/// block, `X·W` and `Xᵀ·R` are BLAS products and the softmax runs class by class over
/// contiguous rows in `DoubleLanes` (vector exponential and logarithm). Everything is
/// in Double. Parameters are `theta = [W (features x outputs, row-major), b (outputs)]`;
/// with one output (two classes) class 0 has score 0 and class 1 the linear output,
/// otherwise output c is the score of class c.
struct LogisticLoss {
    let rowCount: Int
    let columnCount: Int
    /// The design matrix transposed (`features x rows`, row-major): each feature's values
    /// contiguous, the layout in which both BLAS products run fastest.
    let transposed: [Double]
    let classes: [Int32]
    let classCount: Int
    let outputCount: Int
    /// Penalty weight on the mean-loss scale: `1 / (C · n)`.
    let penalty: Double
    /// Rows per block (about 256 KiB of the design matrix), a multiple of the lane count.
    let blockRows: Int
    /// `classCount x blockRows` class scores of a block, class-major.
    private var scores: [Double]
    /// `classCount x blockRows` probabilities of a block, then the residuals P − Y.
    private var probabilities: [Double]
    /// `blockRows` per-row log softmax normalisers.
    private var logNormalizers: [Double]

    init(x: DesignMatrix, classes: [Int32], classCount: Int, inverseRegularization: Double) {
        rowCount = x.rowCount
        columnCount = x.columnCount
        transposed = Self.transpose(x)
        self.classes = classes
        self.classCount = classCount
        self.outputCount = classCount == 2 ? 1 : classCount
        self.penalty = 1 / (inverseRegularization * Double(x.rowCount))
        blockRows = Self.blockRows(rows: x.rowCount, columns: x.columnCount)
        scores = [Double](repeating: 0, count: classCount * blockRows)
        probabilities = scores
        logNormalizers = [Double](repeating: 0, count: blockRows)
    }

    private static func blockRows(rows: Int, columns: Int) -> Int {
        let lanes = DoubleLanes.scalarCount
        let wanted = min(rows, max(64, 32768 / max(1, columns)))
        return (wanted + lanes - 1) / lanes * lanes
    }

    /// Mean cross-entropy plus `penalty/2 · ‖W‖²` at `theta`, with its gradient — the
    /// scaling of scikit-learn's lbfgs objective, so that its tolerances mean the same here.
    mutating func evaluate(_ theta: [Double], gradient: inout [Double]) -> Double {
        let n = rowCount, d = columnCount, m = outputCount, k = classCount, width = blockRows
        var loss = 0.0
        for t in gradient.indices { gradient[t] = 0 }
        transposed.withUnsafeBufferPointer { xs in
        theta.withUnsafeBufferPointer { theta in
        classes.withUnsafeBufferPointer { y in
        gradient.withUnsafeMutableBufferPointer { gradient in
        scores.withUnsafeMutableBufferPointer { s in
        probabilities.withUnsafeMutableBufferPointer { p in
        logNormalizers.withUnsafeMutableBufferPointer { norm in
            let s = s.baseAddress!, p = p.baseAddress!, norm = norm.baseAddress!
            // The residual rows that enter Xᵀ·R: all classes, or class 1 of the binary model.
            let residuals = m == 1 ? p + width : p
            for first in stride(from: 0, to: n, by: width) {
                let rows = min(width, n - first), block = xs.baseAddress! + first
                Self.scores(block, rows: rows, columns: d, stride: n, theta: theta.baseAddress!, outputs: m, width: width, into: s)
                Self.softmax(s, classes: k, width: width, into: p, logNormalizers: norm)
                for i in 0 ..< rows {
                    let label = Int(y[first + i])
                    loss += norm[i] - s[label * width + i]
                    p[label * width + i] -= 1
                }
                // Padding rows do not count in the sums below.
                for c in 0 ..< k { for i in rows ..< width { p[c * width + i] = 0 } }
                // Gradient: Xᵀ R / n, then the intercepts Σ_i R_i / n.
                if d > 0 {
                    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(d), Int32(m), Int32(rows),
                                1 / Double(n), block, Int32(n), residuals, Int32(width), 1, gradient.baseAddress!, Int32(m))
                }
                for c in 0 ..< m { gradient[d * m + c] += Self.sum(residuals + c * width, count: width) }
            }
        }}}}}}}
        var squares = 0.0
        for t in 0 ..< d * m {
            squares += theta[t] * theta[t]
            gradient[t] += penalty * theta[t]
        }
        for c in 0 ..< m { gradient[d * m + c] /= Double(n) }
        return loss / Double(n) + 0.5 * penalty * squares
    }

    /// Class probabilities (`rows x classCount`, row-major) of `x` under parameters `theta`.
    static func probabilities(_ x: DesignMatrix, theta: [Double], outputs m: Int, classes k: Int) -> [Double] {
        let n = x.rowCount, d = x.columnCount
        var out = [Double](repeating: 0, count: n * k)
        guard n > 0 else { return out }
        let width = blockRows(rows: n, columns: d)
        var s = [Double](repeating: 0, count: k * width), p = s
        var norm = [Double](repeating: 0, count: width)
        transpose(x).withUnsafeBufferPointer { xs in
            for first in stride(from: 0, to: n, by: width) {
                let rows = min(width, n - first)
                scores(xs.baseAddress! + first, rows: rows, columns: d, stride: n, theta: theta, outputs: m, width: width, into: &s)
                softmax(s, classes: k, width: width, into: &p, logNormalizers: &norm)
                for i in 0 ..< rows { for c in 0 ..< k { out[(first + i) * k + c] = p[c * width + i] } }
            }
        }
        return out
    }

    /// Class scores of `rows` samples of `xt` (`columns x rows`, rows `stride` apart) into
    /// `s` (`classes x width`, class-major): `b_c + (X W)_c`; with one output, class 0 scores 0.
    private static func scores(_ xt: UnsafePointer<Double>, rows: Int, columns d: Int, stride: Int, theta: UnsafePointer<Double>,
                               outputs m: Int, width: Int, into s: UnsafeMutablePointer<Double>) {
        let outputs = m == 1 ? s + width : s
        if m == 1 { for i in 0 ..< width { s[i] = 0 } }
        for c in 0 ..< m { for i in 0 ..< width { outputs[c * width + i] = theta[d * m + c] } }
        if d > 0 {
            // S_outputs (m x rows) += Wᵀ Xᵀ.
            cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(m), Int32(rows), Int32(d),
                        1, theta, Int32(m), xt, Int32(stride), 1, outputs, Int32(width))
        }
    }

    /// `x` transposed: `columns x rows`, row-major.
    private static func transpose(_ x: DesignMatrix) -> [Double] {
        let n = x.rowCount, d = x.columnCount
        var t = [Double](repeating: 0, count: n * d)
        for i in 0 ..< n { for j in 0 ..< d { t[j * n + i] = x.values[i * d + j] } }
        return t
    }

    /// Softmax over the classes of each of the `width` columns of `s` (`classes x width`)
    /// into `p`, and each column's log normaliser (so that log p_c = s_c − normaliser).
    private static func softmax(_ s: UnsafePointer<Double>, classes k: Int, width: Int,
                                into p: UnsafeMutablePointer<Double>, logNormalizers norm: UnsafeMutablePointer<Double>) {
        for i in stride(from: 0, to: width, by: DoubleLanes.scalarCount) {
            // Scores shifted by their maximum, so every exponential is at most 1.
            var top = s.lanes(i)
            for c in 1 ..< k { top = top.laneMaximum(s.lanes(c * width + i)) }
            var total = DoubleLanes(repeating: 0)
            for c in 0 ..< k {
                let e = (s.lanes(c * width + i) - top).laneExponential
                p.store(e, at: c * width + i)
                total += e
            }
            let scale = 1 / total
            for c in 0 ..< k { p.store(p.lanes(c * width + i) * scale, at: c * width + i) }
            norm.store(top + total.laneLogarithm, at: i)
        }
    }

    /// Sum of `count` values (a multiple of the lane count), lane-wise then across lanes.
    private static func sum(_ a: UnsafePointer<Double>, count: Int) -> Double {
        var total = DoubleLanes(repeating: 0)
        for i in stride(from: 0, to: count, by: DoubleLanes.scalarCount) { total += a.lanes(i) }
        return total.sum()
    }
}
