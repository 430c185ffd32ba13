/// The least-squares fit of the targets on the active columns of an OMP path: the
/// columns, the Cholesky factor of their Gram matrix (grown one column at a time) and the
/// residual of the joint refit.
struct LeastSquaresPath {
    let targets: [Double]
    /// Targets per row (m), rows (n).
    let width: Int, rows: Int
    let spanTolerance: Double
    /// Active columns, column-major n x s.
    private var columns: [Double] = []
    /// Xᵀ Y of the active columns, s x m row-major.
    private var columnsTimesTargets: [Double] = []
    private var cholesky = IncrementalCholesky()
    /// Y − X Γ for the last refit, n x m row-major.
    private(set) var residual: [Double]

    init(targets: [Double], width: Int, rows: Int, spanTolerance: Double) {
        self.targets = targets
        self.width = width
        self.rows = rows
        self.spanTolerance = spanTolerance
        residual = targets
    }

    /// Number of active columns.
    var size: Int { cholesky.size }
    var residualEnergy: Double { residual.reduce(0) { $0 + $1 * $1 } }

    /// Adds `column` (n values) to the active set; false, and nothing added, when it is
    /// numerically in the span of the active columns. Call `refit` to update the residual.
    mutating func append(_ column: [Double]) -> Bool {
        let cross = (0 ..< size).map { s in Self.dot(columns, offset: s * rows, column) }
        guard cholesky.append(cross: cross, diagonal: Self.dot(column, offset: 0, column),
                              relativeTolerance: spanTolerance) else { return false }
        columns.append(contentsOf: column)
        for c in 0 ..< width {
            var s = 0.0
            for i in 0 ..< rows { s += column[i] * targets[i * width + c] }
            columnsTimesTargets.append(s)
        }
        return true
    }

    /// Refits all active columns jointly and recomputes the residual.
    mutating func refit() {
        var coefficients = columnsTimesTargets
        cholesky.solve(&coefficients, columns: width)
        residual = targets
        for s in 0 ..< size {
            for c in 0 ..< width {
                let g = coefficients[s * width + c]
                for i in 0 ..< rows { residual[i * width + c] -= g * columns[s * rows + i] }
            }
        }
    }

    /// `⟨a[offset ..< offset + b.count], b⟩`.
    private static func dot(_ a: [Double], offset: Int, _ b: [Double]) -> Double {
        var s = 0.0
        for i in b.indices { s += a[offset + i] * b[i] }
        return s
    }
}
