import CBLAS
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// L2-penalised logistic regression refitted on a few selected features: binary
/// logistic for two classes, multinomial (softmax over all classes) for more — the
/// same model and objective as scikit-learn's `LogisticRegression(C=…)` with the
/// lbfgs solver: `C · Σ_i cross-entropy_i + ½ ‖W‖²`, intercepts not penalised.
/// Fitted to convergence with L-BFGS (Double), deterministically.
public struct LogisticRegressionModel: Sendable {
    public let classCount: Int
    public let featureCount: Int
    /// Number of linear outputs: 1 for two classes (the logit of class 1 against
    /// class 0), otherwise `classCount`.
    public let outputCount: Int
    /// `featureCount x outputCount`, row-major.
    public let coefficients: [Double]
    public let intercepts: [Double]
    public let iterations: Int
    /// Whether the gradient reached the tolerance (1e-8 per component of the mean loss).
    public let converged: Bool

    /// Fits the model to `x` and class codes `classes` (0 ..< classCount), with
    /// inverse regularisation strength `inverseRegularization` (scikit-learn's `C`).
    public init(fitting x: DesignMatrix, classes: [Int32], classCount: Int, inverseRegularization: Double = 1) {
        precondition(x.rowCount == classes.count && x.rowCount > 0 && classCount >= 2 && inverseRegularization > 0)
        let n = x.rowCount, d = x.columnCount
        let m = classCount == 2 ? 1 : classCount
        let lambda = 1 / (inverseRegularization * Double(n))
        var logits = [Double](repeating: 0, count: n * m)
        var residuals = [Double](repeating: 0, count: n * m)
        var probabilities = [Double](repeating: 0, count: classCount)
        let outcome = LBFGS().minimize(from: [Double](repeating: 0, count: (d + 1) * m)) { theta, gradient in
            Self.linear(x, theta: theta, outputs: m, into: &logits)
            var loss = 0.0
            for i in 0 ..< n {
                let y = Int(classes[i])
                loss -= Self.probabilities(logits, row: i, outputs: m, classes: classCount, into: &probabilities, logOf: y)
                for o in 0 ..< m {
                    let c = m == 1 ? 1 : o
                    residuals[i * m + o] = probabilities[c] - (c == y ? 1 : 0)
                }
            }
            // Gradient: Xᵀ D / n + λ W, then the intercepts Σ_i D_i / n.
            cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(d), Int32(m), Int32(n),
                        1 / Double(n), x.values, Int32(d), residuals, Int32(m), 0, &gradient, Int32(m))
            var penalty = 0.0
            for t in 0 ..< d * m {
                penalty += theta[t] * theta[t]
                gradient[t] += lambda * theta[t]
            }
            for o in 0 ..< m {
                var s = 0.0
                for i in 0 ..< n { s += residuals[i * m + o] }
                gradient[d * m + o] = s / Double(n)
            }
            return loss / Double(n) + 0.5 * lambda * penalty
        }
        self.classCount = classCount
        self.featureCount = d
        self.outputCount = m
        self.coefficients = Array(outcome.x[0 ..< d * m])
        self.intercepts = Array(outcome.x[d * m ..< (d + 1) * m])
        self.iterations = outcome.iterations
        self.converged = outcome.converged
    }

    /// Class probabilities, `rowCount x classCount` row-major.
    public func probabilities(_ x: DesignMatrix) -> [Double] {
        precondition(x.columnCount == featureCount)
        var logits = [Double](repeating: 0, count: x.rowCount * outputCount)
        Self.linear(x, theta: coefficients + intercepts, outputs: outputCount, into: &logits)
        var out = [Double](repeating: 0, count: x.rowCount * classCount)
        var row = [Double](repeating: 0, count: classCount)
        for i in 0 ..< x.rowCount {
            _ = Self.probabilities(logits, row: i, outputs: outputCount, classes: classCount, into: &row, logOf: 0)
            for c in 0 ..< classCount { out[i * classCount + c] = row[c] }
        }
        return out
    }

    /// The most probable class of each row (the lower class code on ties).
    public func predict(_ x: DesignMatrix) -> [Int32] {
        let p = probabilities(x)
        return (0 ..< x.rowCount).map { i in
            var best = 0
            for c in 1 ..< classCount where p[i * classCount + c] > p[i * classCount + best] { best = c }
            return Int32(best)
        }
    }

    /// `logits = X W + b` for parameters `theta = [W (d x m row-major), b (m)]`.
    private static func linear(_ x: DesignMatrix, theta: [Double], outputs m: Int, into logits: inout [Double]) {
        let n = x.rowCount, d = x.columnCount
        for i in 0 ..< n { for o in 0 ..< m { logits[i * m + o] = theta[d * m + o] } }
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(m), Int32(d),
                    1, x.values, Int32(d), theta, Int32(m), 1, &logits, Int32(m))
    }

    /// Softmax of row `i` into `p` (class 0 has logit 0 in the binary model);
    /// returns log p[`logOf`].
    private static func probabilities(_ logits: [Double], row i: Int, outputs m: Int, classes: Int,
                                      into p: inout [Double], logOf y: Int) -> Double {
        for c in 0 ..< classes { p[c] = m == 1 ? (c == 0 ? 0 : logits[i]) : logits[i * m + c] }
        let top = p.max()!
        var total = 0.0
        for c in 0 ..< classes { total += exp(p[c] - top) }
        let logTotal = log(total) + top
        let logY = p[y] - logTotal
        for c in 0 ..< classes { p[c] = exp(p[c] - logTotal) }
        return logY
    }
}

