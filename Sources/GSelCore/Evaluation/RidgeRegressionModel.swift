import CBLAS

/// Ridge regression refitted on a few selected features: minimises
/// `‖y − X w − b‖² + α ‖w‖²` with an unpenalised intercept, as scikit-learn's
/// `Ridge(alpha=α)`. Solved exactly by Cholesky of the centred Gram matrix (Double).
public struct RidgeRegressionModel: Sendable {
    public let coefficients: [Double]
    public let intercept: Double

    /// Fits `y` on `x` with penalty `alpha` (> 0).
    public init(fitting x: DesignMatrix, targets y: [Double], alpha: Double = 1) {
        precondition(x.rowCount == y.count && x.rowCount > 0 && alpha > 0)
        let n = x.rowCount, d = x.columnCount
        var means = [Double](repeating: 0, count: d)
        for i in 0 ..< n { for j in 0 ..< d { means[j] += x.values[i * d + j] } }
        for j in 0 ..< d { means[j] /= Double(n) }
        let yMean = y.reduce(0, +) / Double(n)
        var centred = x.values
        for i in 0 ..< n { for j in 0 ..< d { centred[i * d + j] -= means[j] } }
        var gram = [Double](repeating: 0, count: d * d)
        cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(d), Int32(d), Int32(n),
                    1, centred, Int32(d), centred, Int32(d), 0, &gram, Int32(d))
        var rhs = [Double](repeating: 0, count: d)
        for i in 0 ..< n { for j in 0 ..< d { rhs[j] += centred[i * d + j] * (y[i] - yMean) } }
        // The α-shifted Gram matrix is positive definite; a column that still fails
        // (only through round-off) keeps coefficient 0.
        var cholesky = IncrementalCholesky()
        var kept: [Int] = []
        for j in 0 ..< d {
            let cross = kept.map { gram[j * d + $0] }
            if cholesky.append(cross: cross, diagonal: gram[j * d + j] + alpha, relativeTolerance: 0) { kept.append(j) }
        }
        var solution = kept.map { rhs[$0] }
        cholesky.solve(&solution, columns: 1)
        var w = [Double](repeating: 0, count: d)
        for (s, j) in kept.enumerated() { w[j] = solution[s] }
        coefficients = w
        var b = yMean
        for j in 0 ..< d { b -= means[j] * w[j] }
        intercept = b
    }

    /// Predicted values for the rows of `x`.
    public func predict(_ x: DesignMatrix) -> [Double] {
        precondition(x.columnCount == coefficients.count)
        let d = x.columnCount
        return (0 ..< x.rowCount).map { i in
            var s = intercept
            for j in 0 ..< d { s += x.values[i * d + j] * coefficients[j] }
            return s
        }
    }
}
