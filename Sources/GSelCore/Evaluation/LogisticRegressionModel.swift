/// L2-penalised logistic regression refitted on a few selected features: binary
/// logistic for two classes, multinomial (softmax over all classes) for more — the
/// same model and objective as scikit-learn's `LogisticRegression(C=…)` with the
/// lbfgs solver: `C · Σ_i cross-entropy_i + ½ ‖W‖²`, intercepts not penalised.
/// Fitted with L-BFGS (Double) and stopped as scikit-learn stops by default
/// (`tol` 1e-4 on the gradient of the objective divided by `C·n`, at most 100
/// iterations), deterministically; `LogisticLoss` keeps each iteration to a few BLAS
/// products and vectorised exponentials.
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
    /// Whether the fit stopped on `tolerance` (every gradient component of the objective
    /// divided by `C·n` at most `tolerance`) or on a negligible decrease, rather than on
    /// `maxIterations`.
    public let converged: Bool

    /// Fits the model to `x` and class codes `classes` (0 ..< classCount), with
    /// inverse regularisation strength `inverseRegularization` (scikit-learn's `C`),
    /// gradient tolerance `tolerance` and iteration cap `maxIterations` (scikit-learn's
    /// `tol` and `max_iter`). The fit starts from all zeros, as scikit-learn's: where the
    /// cap stops it short of the optimum, the answer is the one scikit-learn gives.
    public init(fitting x: DesignMatrix, classes: [Int32], classCount: Int, inverseRegularization: Double = 1,
                tolerance: Double = 1e-4, maxIterations: Int = 100) {
        precondition(x.rowCount == classes.count && x.rowCount > 0 && classCount >= 2 && inverseRegularization > 0)
        let d = x.columnCount
        var loss = LogisticLoss(x: x, classes: classes, classCount: classCount, inverseRegularization: inverseRegularization)
        let m = loss.outputCount
        let solver = LBFGS(gradientTolerance: tolerance, maxIterations: maxIterations)
        let outcome = solver.minimize(from: [Double](repeating: 0, count: (d + 1) * m)) { theta, gradient in
            loss.evaluate(theta, gradient: &gradient)
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
        return LogisticLoss.probabilities(x, theta: coefficients + intercepts, outputs: outputCount, classes: classCount)
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
}
