import GSelIO

/// A feature matrix with covariate columns appended: columns `0 ..< base.columnCount` are
/// the features, the last `covariateCount` the encoded covariates (dense Float32,
/// column-major). Selection standardizes it as one matrix, so covariates get the training
/// statistics as features do, and the selectors treat the trailing columns as inputs that
/// are always present and never candidates (`StandardizedData.covariateCount`). Runs
/// without covariates use the plain store, so they pay nothing for this.
public struct CovariateMatrix: FeatureMatrix {
    public let base: any FeatureMatrix
    public let covariateCount: Int
    /// `covariates[c * rowCount + row]`.
    private let covariates: [Float]

    /// `values` holds `covariateCount` columns of `base.rowCount` values each, column-major.
    public init(base: any FeatureMatrix, covariates values: [Float], covariateCount: Int) {
        precondition(values.count == base.rowCount * covariateCount, "CovariateMatrix: covariate block does not match the rows")
        self.base = base
        self.covariates = values
        self.covariateCount = covariateCount
    }

    public var rowCount: Int { base.rowCount }
    public var columnCount: Int { base.columnCount + covariateCount }
    public var storageBytes: Int { base.storageBytes + covariates.count * MemoryLayout<Float>.stride }
    public var preferredAxis: MatrixAxis { base.preferredAxis }
    public var workingCopyLimit: Int? { base.workingCopyLimit }

    public func copyRow(_ row: Int, into out: UnsafeMutablePointer<Float>) {
        base.copyRow(row, into: out)
        let p = base.columnCount, n = rowCount
        for c in 0 ..< covariateCount { out[p + c] = covariates[c * n + row] }
    }

    public func copyRow(_ row: Int, centredBy mean: UnsafePointer<Float>, scaledBy scale: UnsafePointer<Float>,
                        into out: UnsafeMutablePointer<Float>) {
        base.copyRow(row, centredBy: mean, scaledBy: scale, into: out)
        let p = base.columnCount, n = rowCount
        for c in 0 ..< covariateCount {
            let x = covariates[c * n + row]
            out[p + c] = x.isNaN ? 0 : (x - mean[p + c]) * scale[p + c]
        }
    }

    public func copyColumn(_ column: Int, rows: [Int], into out: UnsafeMutablePointer<Float>) {
        let p = base.columnCount
        guard column >= p else { return base.copyColumn(column, rows: rows, into: out) }
        covariates.withUnsafeBufferPointer { v in
            let start = (column - p) * rowCount
            for (i, r) in rows.enumerated() { out[i] = v[start + r] }
        }
    }

    /// Covariate columns `chosen` (0-based among the covariates) of `rows`, in those orders,
    /// column-major.
    private func covariates(rows: [Int], chosen: [Int]) -> [Float] {
        var out = [Float](repeating: 0, count: rows.count * chosen.count)
        for (c, j) in chosen.enumerated() {
            for (i, r) in rows.enumerated() { out[c * rows.count + i] = covariates[j * rowCount + r] }
        }
        return out
    }

    /// The base store's sample-major copy of `rows` (when it makes one), with their covariates.
    public func sampleMajorCopy(rows: [Int]) -> (any FeatureMatrix)? {
        base.sampleMajorCopy(rows: rows).map {
            CovariateMatrix(base: $0, covariates: covariates(rows: rows, chosen: Array(0 ..< covariateCount)),
                            covariateCount: covariateCount)
        }
    }

    /// `rows` x `columns` as a compact copy that keeps the covariates covariates: feature
    /// columns (first) are copied by the base store, the covariate columns among `columns`
    /// (last) stay the trailing covariate block.
    public func subset(rows: [Int], columns: [Int]) -> any FeatureMatrix {
        let p = base.columnCount
        let features = columns.filter { $0 < p }, chosen = columns.filter { $0 >= p }.map { $0 - p }
        precondition(columns == features + chosen.map { $0 + p }, "CovariateMatrix.subset: covariate columns come last")
        return CovariateMatrix(base: base.subset(rows: rows, columns: features),
                               covariates: covariates(rows: rows, chosen: chosen), covariateCount: chosen.count)
    }

    /// The first covariate column that is (numerically) a linear combination of the
    /// intercept and the covariate columns before it over `rows`, with the earlier columns
    /// that combination uses; nil when the covariates have full rank. A column counts as
    /// dependent when less than `tolerance` of its variance lies outside that span.
    public func dependentCovariate(rows: [Int], tolerance: Double = 1e-8) -> (column: Int, combination: [Int])? {
        let n = rows.count, p = base.columnCount
        let centred: [[Double]] = (0 ..< covariateCount).map { c in
            var x = [Float](repeating: 0, count: n)
            x.withUnsafeMutableBufferPointer { copyColumn(p + c, rows: rows, into: $0.baseAddress!) }
            let mean = x.reduce(0.0) { $0 + Double($1) } / Double(max(n, 1))
            return x.map { Double($0) - mean }
        }
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        var cholesky = IncrementalCholesky()
        var kept: [Int] = []
        for c in 0 ..< covariateCount {
            let cross = kept.map { dot(centred[$0], centred[c]) }
            if cholesky.append(cross: cross, diagonal: dot(centred[c], centred[c]), relativeTolerance: tolerance) {
                kept.append(c)
                continue
            }
            // The least-squares combination of the earlier columns names the ones involved.
            var coefficients = cross
            cholesky.solve(&coefficients, columns: 1)
            let scales = kept.map { dot(centred[$0], centred[$0]).squareRoot() }
            let sizes = zip(coefficients, scales).map { abs($0 * $1) }
            let largest = sizes.max() ?? 0
            return (c, kept.indices.filter { sizes[$0] > 1e-6 * largest }.map { kept[$0] })
        }
        return nil
    }
}
