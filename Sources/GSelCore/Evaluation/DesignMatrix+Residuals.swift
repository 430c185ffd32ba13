import GSelIO

/// The residual of a refit on the training split: what the ranked features leave unexplained
/// (the interaction screen scores pairs on it).
extension DesignMatrix {
    /// Residual columns of a refit of these columns plus `extra` columns (each `rowCount`
    /// long): logistic regression (C = 1) for classes, with y − p̂ of class 1 for two classes
    /// and of every class for more; ridge (α = 1) for a value, with y − ŷ. The same models
    /// the held-out evaluation refits. Deterministic.
    func refitResiduals(adding extra: [[Double]] = [], target: Target) -> [[Float]] {
        let n = rowCount, d = columnCount + extra.count
        var values = [Double](repeating: 0, count: n * d)
        for i in 0 ..< n {
            for j in 0 ..< columnCount { values[i * d + j] = self.values[i * columnCount + j] }
            for (k, p) in extra.enumerated() { values[i * d + columnCount + k] = p[i] }
        }
        let x = DesignMatrix(rows: n, columns: d, values: values)
        switch target {
        case .classes(let codes, let names):
            let model = LogisticRegressionModel(fitting: x, classes: codes, classCount: names.count)
            let p = model.probabilities(x), classes = names.count
            let columns = classes == 2 ? [1] : Array(0 ..< classes)
            return columns.map { c in (0 ..< n).map { i in Float((codes[i] == Int32(c) ? 1 : 0) - p[i * classes + c]) } }
        case .values(let y):
            let fitted = RidgeRegressionModel(fitting: x, targets: y.map(Double.init)).predict(x)
            return [(0 ..< n).map { Float(Double(y[$0]) - fitted[$0]) }]
        }
    }
}
