import GSelIO

extension MarginalSelector {
    /// The sums `scores` needs, from a CSR store's stored values only: with `s = x·inv_j`
    /// (a stored NaN is `c_j`, i.e. 0 standardized) and `c_j = mean_j·inv_j`, a
    /// standardized value is `s − c_j` where stored and `−c_j` elsewhere, so
    /// `Σ x = Σ_stored s − n·c`, `Σ x² = Σ_stored (s − c)² + (n − stored)·c²`,
    /// `Σ_{i∈g} w_i x = Σ_{stored, i∈g} w_i s − c·Σ_{i∈g} w_i` and likewise for the basis
    /// products: O(nnz) instead of densifying n x p values. Fills `sums` laid out as `scores`
    /// lays it out (sum, sum of squares, group sums, basis products; p values each).
    static func accumulateStoredValues(_ matrix: SparseMatrix, data: StandardizedData, group: [Int], weight: [Double],
                                       groupCount: Int, basis q: UnsafeBufferPointer<Double>, rank r: Int,
                                       into sums: UnsafeMutablePointer<Double>) {
        let n = data.sampleCount, p = data.candidateCount
        let sum = sums, sumSquares = sums + p, groupSums = sums + 2 * p, basisProducts = sums + (2 + groupCount) * p
        var stored = [Int](repeating: 0, count: p)
        var groupWeights = [Double](repeating: 0, count: groupCount), basisSums = [Double](repeating: 0, count: r)
        let (means, inverseScales) = (data.means, data.inverseScales)
        for i in 0 ..< n {
            groupWeights[group[i]] += weight[i]
            for k in 0 ..< r { basisSums[k] += q[k * n + i] }
        }
        data.forEachStoredValue(of: matrix) { i, j, storedValue, shift in
            let s = Double(storedValue), c = Double(shift)
            sum[j] += s
            sumSquares[j] += (s - c) * (s - c)
            groupSums[group[i] * p + j] += weight[i] * s
            for k in 0 ..< r { basisProducts[k * p + j] += s * q[k * n + i] }
            stored[j] += 1
        }
        for j in 0 ..< p {
            let c = Double(means[j] * inverseScales[j])
            sum[j] -= Double(n) * c
            sumSquares[j] += Double(n - stored[j]) * c * c
            for h in 0 ..< groupCount { groupSums[h * p + j] -= c * groupWeights[h] }
            for k in 0 ..< r { basisProducts[k * p + j] -= c * basisSums[k] }
        }
    }
}
