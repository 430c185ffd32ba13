import GSelIO

/// One split of a dataset (a subset of its rows) seen through per-feature
/// standardization: `(x - mean) / sd` with the statistics of a reference split
/// (normally the training split). Missing values become 0, i.e. the mean.
/// The compact store is never copied; values are standardized as they are read.
///
/// When the matrix is a `CovariateMatrix`, its last `covariateCount` columns are covariates:
/// selectors give them to every fit and never pick them (`candidateCount` features are).
public struct StandardizedData: @unchecked Sendable {
    public let matrix: any FeatureMatrix
    /// Rows of `matrix` in this split, in order.
    public let rows: [Int]
    /// Per-feature mean over the reference split (missing values ignored).
    public let means: [Float]
    /// Per-feature 1/sd over the reference split; 0 for constant or all-missing features.
    public let inverseScales: [Float]

    public var sampleCount: Int { rows.count }
    /// Columns of the matrix, covariates included: the width of a standardized row.
    public var featureCount: Int { matrix.columnCount }
    /// Trailing covariate columns (0 without covariates).
    public var covariateCount: Int { (matrix as? CovariateMatrix)?.covariateCount ?? 0 }
    /// The features that can be selected: every column but the covariates.
    public var candidateCount: Int { featureCount - covariateCount }
    /// Column indices of the covariates.
    public var covariateColumns: Range<Int> { candidateCount ..< featureCount }

    /// Standardizes `rows` of `matrix` with their own statistics.
    public init(matrix: any FeatureMatrix, rows: [Int]) {
        self.matrix = matrix
        self.rows = rows
        (means, inverseScales) = Self.statistics(matrix, rows: rows)
    }

    /// Standardizes `rows` of `matrix` with their own statistics, for a minibatch trainer: a
    /// store organised by features is first copied sample-major for these rows (when it
    /// offers a copy), so minibatches read contiguous rows. Same values as `init(matrix:rows:)`.
    /// Fits that run together share one copy through `TrainingRows`.
    public init(trainingRows rows: [Int], of matrix: any FeatureMatrix) {
        self = TrainingRows(matrix, rows: rows).standardized(rows)
    }

    /// Standardizes `rows` of `matrix` with the statistics of `reference` (no leakage from this split).
    public init(matrix: any FeatureMatrix, rows: [Int], statisticsOf reference: StandardizedData) {
        self.matrix = matrix
        self.rows = rows
        self.means = reference.means
        self.inverseScales = reference.inverseScales
    }

    /// Mean and 1/sd (population) of each column over `rows`, ignoring NaN.
    static func statistics(_ m: any FeatureMatrix, rows: [Int]) -> ([Float], [Float]) {
        let p = m.columnCount
        var sum = [Double](repeating: 0, count: p)
        var sumSq = [Double](repeating: 0, count: p)
        var count = [Int](repeating: 0, count: p)
        let buf = UnsafeMutablePointer<Float>.allocate(capacity: max(p, rows.count))
        defer { buf.deallocate() }
        if let sparse = m as? SparseMatrix {
            // Absent entries are zeros: they add nothing to the sums (the same Double sums).
            for r in rows {
                for k in sparse.indptr[r] ..< sparse.indptr[r + 1] {
                    let j = Int(sparse.indices[k]), x = sparse.data[k]
                    if x.isNaN { count[j] -= 1; continue }
                    sum[j] += Double(x); sumSq[j] += Double(x) * Double(x)
                }
            }
            for j in 0 ..< p { count[j] += rows.count }
        } else if m.preferredAxis == .samples {
            for r in rows {
                m.copyRow(r, into: buf)
                for j in 0 ..< p where !buf[j].isNaN {
                    let x = Double(buf[j])
                    sum[j] += x; sumSq[j] += x * x; count[j] += 1
                }
            }
        } else {
            for j in 0 ..< p {
                m.copyColumn(j, rows: rows, into: buf)
                var s = 0.0, ss = 0.0, c = 0
                for i in 0 ..< rows.count where !buf[i].isNaN {
                    let x = Double(buf[i]); s += x; ss += x * x; c += 1
                }
                sum[j] = s; sumSq[j] = ss; count[j] = c
            }
        }
        var means = [Float](repeating: 0, count: p)
        var inv = [Float](repeating: 0, count: p)
        for j in 0 ..< p where count[j] > 0 {
            let mu = sum[j] / Double(count[j])
            let variance = max(0, sumSq[j] / Double(count[j]) - mu * mu)
            means[j] = Float(mu)
            // Treat numerically constant features as uninformative.
            inv[j] = variance > 1e-12 * max(1, mu * mu) ? Float(1 / variance.squareRoot()) : 0
        }
        return (means, inv)
    }

    /// Writes the standardized rows `local` (indices into `rows`) as a row-major
    /// `local.count x featureCount` block into `out`.
    public func fillRows(_ local: UnsafeBufferPointer<Int>, into out: UnsafeMutablePointer<Float>) {
        let p = featureCount
        guard p > 0 else { return }
        means.withUnsafeBufferPointer { mu in
            inverseScales.withUnsafeBufferPointer { inv in
                if matrix.preferredAxis == .samples {
                    for (i, l) in local.enumerated() {
                        matrix.copyRow(rows[l], centredBy: mu.baseAddress!, scaledBy: inv.baseAddress!, into: out + i * p)
                    }
                } else {
                    let global = local.map { rows[$0] }
                    let col = UnsafeMutablePointer<Float>.allocate(capacity: global.count)
                    defer { col.deallocate() }
                    for j in 0 ..< p {
                        matrix.copyColumn(j, rows: global, into: col)
                        for i in 0 ..< global.count {
                            let x = col[i]
                            out[i * p + j] = x.isNaN ? 0 : (x - mu[j]) * inv[j]
                        }
                    }
                }
            }
        }
    }

    /// This split restricted to the candidate features `columns` (in that order) and its
    /// covariates, which stay the trailing columns, materialised as a compact store of those
    /// columns only (`FeatureMatrix.subset`), with the same statistics.
    public func columns(_ columns: [Int]) -> StandardizedData {
        let all = columns + covariateColumns
        let sub = matrix.subset(rows: rows, columns: all)
        return StandardizedData(matrix: sub, rows: Array(0 ..< rows.count), means: all.map { means[$0] },
                                inverseScales: all.map { inverseScales[$0] })
    }

    private init(matrix: any FeatureMatrix, rows: [Int], means: [Float], inverseScales: [Float]) {
        self.matrix = matrix
        self.rows = rows
        self.means = means
        self.inverseScales = inverseScales
    }

    /// The standardized values of feature `j` over this split.
    public func column(_ j: Int) -> [Float] {
        var out = [Float](repeating: 0, count: rows.count)
        out.withUnsafeMutableBufferPointer { matrix.copyColumn(j, rows: rows, into: $0.baseAddress!) }
        let mu = means[j], inv = inverseScales[j]
        for i in out.indices { out[i] = out[i].isNaN ? 0 : (out[i] - mu) * inv }
        return out
    }

    /// The whole split as a standardized row-major `sampleCount x featureCount` array.
    public func denseRows() -> [Float] {
        let all = Array(0 ..< rows.count)
        return [Float](unsafeUninitializedCapacity: rows.count * featureCount) { buf, n in
            all.withUnsafeBufferPointer { fillRows($0, into: buf.baseAddress!) }
            n = rows.count * featureCount
        }
    }
}
