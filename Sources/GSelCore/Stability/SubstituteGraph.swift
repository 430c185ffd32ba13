import CBLAS

/// Which features can stand in for each other in the data: the pairs, among the features
/// the stability fits picked, whose absolute Pearson correlation on the training split is
/// at least `minimumCorrelation`. `ConsensusRanking` uses it to decide when a fit's pick
/// takes the place of another fit's pick.
///
/// Only picked features are compared (at most 2B·q of them, however large p is), on at most
/// `maximumSamples` samples, in blocks through BLAS on one thread, and only the pairs above
/// the threshold are kept, so memory stays at the picked columns plus one block of
/// correlations.
public struct SubstituteGraph: Sendable, Equatable {
    /// Pairs with |r| at or above this are substitutes.
    public let minimumCorrelation: Double
    /// |r| of each substitute pair, keyed by both orders.
    private let edges: [Int: [Int: Double]]

    /// A graph from given correlations (tests, and the graph-free case of group runs):
    /// pairs below `minimumCorrelation` are dropped; the relation is made symmetric.
    public init(minimumCorrelation: Double, correlations: [(Int, Int, Double)]) {
        self.minimumCorrelation = minimumCorrelation
        var e: [Int: [Int: Double]] = [:]
        for (a, b, r) in correlations where a != b && abs(r) >= minimumCorrelation {
            e[a, default: [:]][b] = abs(r)
            e[b, default: [:]][a] = abs(r)
        }
        edges = e
    }

    /// Splits larger than this estimate |r| on this many evenly spaced samples: near the
    /// threshold (|r| = 0.75) the standard error is (1 − r²)/√4096 ≈ 0.007, and the cost
    /// (picked features² · samples) and memory (picked features · samples) stay bounded on
    /// atlas-size inputs, where thousands of features are picked once each.
    public static let maximumSamples = 4096

    /// Correlations of `features` over the samples of `data` (standardized columns; missing
    /// values count as the mean), or over `maximumSamples` evenly spaced samples of a larger
    /// split. Constant features have no substitutes.
    public init(data fullData: StandardizedData, features: [Int], minimumCorrelation: Double) {
        let picked = Array(Set(features)).sorted()
        let subsampled = fullData.sampleCount > Self.maximumSamples
        let data = subsampled ? Self.evenlySpaced(fullData, count: Self.maximumSamples) : fullData
        let n = data.sampleCount, d = picked.count
        // Unit-length columns, so a product of two is their correlation (the columns are centred:
        // standardized with this split's means, missing values at 0; a subsample is centred on
        // its own means).
        var unit = [Float](repeating: 0, count: d * n)
        var live = [Bool](repeating: false, count: d)
        for (i, j) in picked.enumerated() {
            var column = data.column(j)
            if subsampled {
                let mean = Float(column.reduce(0.0) { $0 + Double($1) } / Double(max(n, 1)))
                for s in 0 ..< n { column[s] -= mean }
            }
            var norm = 0.0
            for v in column { norm += Double(v) * Double(v) }
            guard norm > 0 else { continue }
            live[i] = true
            let scale = Float(1 / norm.squareRoot())
            for s in 0 ..< n { unit[i * n + s] = column[s] * scale }
        }
        var found: [(Int, Int, Double)] = []
        let block = 256
        var product = [Float](repeating: 0, count: min(block, max(d, 1)) * d)
        // One BLAS thread: the same sums for any --threads (see StabilitySelection).
        gsel_blas_set_threads(1)
        var start = 0
        while start < d {
            let rows = min(block, d - start)
            unit.withUnsafeBufferPointer { u in
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(d), Int32(n),
                            1, u.baseAddress! + start * n, Int32(n), u.baseAddress!, Int32(n), 0, &product, Int32(d))
            }
            for a in 0 ..< rows where live[start + a] {
                for b in (start + a + 1) ..< d where live[b] {
                    let r = Double(abs(product[a * d + b]))
                    if r >= minimumCorrelation { found.append((picked[start + a], picked[b], min(r, 1))) }
                }
            }
            start += rows
        }
        self.init(minimumCorrelation: minimumCorrelation, correlations: found)
    }

    /// `count` samples of `data` spread evenly over its rows, with its statistics.
    private static func evenlySpaced(_ data: StandardizedData, count: Int) -> StandardizedData {
        let n = data.sampleCount
        let rows = (0 ..< count).map { data.rows[$0 * n / count] }
        return StandardizedData(matrix: data.matrix, rows: rows, statisticsOf: data)
    }

    /// |r| of `a` and `b` when they are substitutes (1 for a feature with itself), else nil.
    public func correlation(_ a: Int, _ b: Int) -> Double? {
        a == b ? 1 : edges[a]?[b]
    }

    /// The substitutes of `feature` with their |r|.
    public func substitutes(of feature: Int) -> [Int: Double] { edges[feature] ?? [:] }

    /// Number of substitute pairs.
    public var pairCount: Int { edges.values.reduce(0) { $0 + $1.count } / 2 }
}

extension SubstituteGraph {
    /// The default substitute threshold on |r| (training split); see docs/consensus-ranking.md.
    public static let defaultMinimumCorrelation = 0.75
}
