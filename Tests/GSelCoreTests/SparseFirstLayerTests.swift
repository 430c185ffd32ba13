import XCTest
@testable import GSelCore
import GSelIO

/// The sparse first layer computes what the dense path computes on the densified,
/// standardized batch: the pre-activation, the Adam step of W1 and the mask gradient.
final class SparseFirstLayerTests: XCTestCase {
    /// A 30 x 41 CSR store (20 % stored, a stored NaN, a constant column, an empty row)
    /// seen through a split of 24 rows.
    private func store() -> (SparseMatrix, StandardizedData) {
        var rng = SeededGenerator(seed: 11)
        let n = 30, p = 41
        var indptr = [0], indices: [Int32] = [], values: [Float] = []
        for r in 0 ..< n {
            for j in 0 ..< p where r != 7 && j != 5 && rng.nextUniform() < 0.2 {
                indices.append(Int32(j))
                values.append(Float(rng.nextGaussian() * 2 + 1))
            }
            indptr.append(indices.count)
        }
        values[3] = .nan
        let matrix = SparseMatrix(rows: n, columns: p, indptr: indptr, indices: indices, data: values)
        let rows = Array(0 ..< n).filter { $0 % 5 != 2 }
        return (matrix, StandardizedData(matrix: matrix, rows: rows))
    }

    func testMatchesTheDensePathOnTheStandardizedBatch() throws {
        let (_, data) = store()
        let p = data.featureCount, h = 6, b = 9
        var rng = SeededGenerator(seed: 3)
        let batch = [0, 4, 4, 17, 6, 23, 1, 9, 12]   // a repeated row, the empty row 7 (local 6)
        let weights = (0 ..< p * h).map { _ in Float(rng.nextGaussian() * 0.3) }
        let mask = (0 ..< p).map { _ in Float(rng.nextUniform()) }
        let delta = (0 ..< b * h).map { _ in Float(rng.nextGaussian()) }
        let layer = try XCTUnwrap(SparseFirstLayer.make(for: data, fanOut: h))

        // Dense reference: X (b x p, standardized), XM = X ⊙ m.
        var x = [Float](repeating: 0, count: b * p)
        batch.withUnsafeBufferPointer { data.fillRows($0, into: &x) }
        let xm = (0 ..< b * p).map { x[$0] * mask[$0 % p] }
        XCTAssertTrue(x.allSatisfy { $0.isFinite })

        // Pre-activation.
        batch.withUnsafeBufferPointer { layer.gather($0) }
        var z = [Float](repeating: 0.5, count: b * h)
        layer.addProduct(mask: mask, weights: weights, into: &z)
        for i in 0 ..< b {
            for o in 0 ..< h {
                var expected: Double = 0.5
                for j in 0 ..< p { expected += Double(xm[i * p + j]) * Double(weights[j * h + o]) }
                XCTAssertEqual(Double(z[i * h + o]), expected, accuracy: 1e-4, "row \(i) unit \(o)")
            }
        }

        // One Adam step of W1 and the mask gradient, sparse against dense (FirstLayerStep on X
        // and the mask), and both against dL/dm_j = Σ_i x_ij Σ_o δ_io W_jo in Double.
        let coefficients = AdamOptimizer.Coefficients(beta1: 0.9, beta2: 0.999, stepSize: 0.01, epsilon: 1e-7)
        var (sparseW, sparseM, sparseV) = (weights, [Float](repeating: 0.1, count: p * h), [Float](repeating: 0.2, count: p * h))
        var (denseW, denseM, denseV) = (sparseW, sparseM, sparseV)
        var sparseMaskGradient = [Float](repeating: 9, count: p)
        var sparseScratch = [Float](repeating: 0, count: FirstLayerStep.blockRows * h)
        layer.step(delta: delta, rows: b, mask: mask, parameters: &sparseW, weightOffset: 0, m: &sparseM, v: &sparseV,
                   coefficients: coefficients, maskGradient: &sparseMaskGradient, scratch: &sparseScratch)
        var denseMaskGradient = [Float](repeating: 9, count: p)
        var scratch = [Float](repeating: 0, count: FirstLayerStep.blockRows * h)
        FirstLayerStep.apply(input: x, mask: mask, delta: delta, rows: b, inputs: p, fanOut: h, parameters: &denseW,
                             weightOffset: 0, m: &denseM, v: &denseV, coefficients: coefficients,
                             maskGradient: &denseMaskGradient, scratch: &scratch)
        for j in 0 ..< p {
            var expected = 0.0
            for i in 0 ..< b {
                var back = 0.0
                for o in 0 ..< h { back += Double(delta[i * h + o]) * Double(weights[j * h + o]) }
                expected += Double(x[i * p + j]) * back
            }
            XCTAssertEqual(Double(denseMaskGradient[j]), expected, accuracy: 1e-4 * max(1, abs(expected)), "dense mask gradient \(j)")
            XCTAssertEqual(sparseMaskGradient[j], denseMaskGradient[j], accuracy: 1e-4 * max(1, abs(denseMaskGradient[j])),
                           "mask gradient \(j)")
        }
        // The dense step's weight gradient is that of the masked input: the same Adam step as
        // MLP.backward on XM followed by AdamOptimizer.update.
        var (referenceW, referenceM, referenceV) = (weights, [Float](repeating: 0.1, count: p * h), [Float](repeating: 0.2, count: p * h))
        var gradient = [Float](repeating: 0, count: p * h)
        for j in 0 ..< p {
            for o in 0 ..< h {
                var g = 0.0
                for i in 0 ..< b { g += Double(xm[i * p + j]) * Double(delta[i * h + o]) }
                gradient[j * h + o] = Float(g)
            }
        }
        AdamOptimizer.update(parameters: &referenceW, gradients: gradient, m: &referenceM, v: &referenceV, count: p * h, coefficients)
        for i in 0 ..< p * h { XCTAssertEqual(denseW[i], referenceW[i], accuracy: 1e-5, "reference w \(i)") }
        for i in 0 ..< p * h {
            XCTAssertEqual(sparseM[i], denseM[i], accuracy: 1e-5, "m \(i)")
            XCTAssertEqual(sparseV[i], denseV[i], accuracy: 1e-5, "v \(i)")
            XCTAssertEqual(sparseW[i], denseW[i], accuracy: 1e-5, "w \(i)")
        }
        XCTAssertNotEqual(sparseW, weights)

        // Nothing carries over between steps: a second step with a zero delta has a zero
        // gradient, as the dense one has.
        let zero = [Float](repeating: 0, count: b * h)
        layer.step(delta: zero, rows: b, mask: mask, parameters: &sparseW, weightOffset: 0, m: &sparseM, v: &sparseV,
                   coefficients: coefficients, maskGradient: &sparseMaskGradient, scratch: &sparseScratch)
        FirstLayerStep.apply(input: x, mask: mask, delta: zero, rows: b, inputs: p, fanOut: h, parameters: &denseW,
                             weightOffset: 0, m: &denseM, v: &denseV, coefficients: coefficients,
                             maskGradient: &denseMaskGradient, scratch: &scratch)
        XCTAssertEqual(sparseMaskGradient, [Float](repeating: 0, count: p))
        XCTAssertEqual(denseMaskGradient, [Float](repeating: 0, count: p))
        for i in 0 ..< p * h { XCTAssertEqual(sparseW[i], denseW[i], accuracy: 1e-5, "second step w \(i)") }

        // Without a mask (warm-up): the same as a mask of ones.
        var zOnes = [Float](repeating: 0, count: b * h), zNil = zOnes
        layer.addProduct(mask: [Float](repeating: 1, count: p), weights: weights, into: &zOnes)
        layer.addProduct(mask: nil, weights: weights, into: &zNil)
        XCTAssertEqual(zOnes, zNil)
    }

    /// A dense store, a store with covariates or a dense-ish CSR store keeps the dense path.
    func testOnlySparseStoresWithoutCovariatesTakeTheSparsePath() {
        let (matrix, data) = store()
        XCTAssertNotNil(SparseFirstLayer.make(for: data, fanOut: 4))
        let dense = DenseMatrix(rows: 2, columns: 2, values: [1, 2, 3, 4])
        XCTAssertNil(SparseFirstLayer.make(for: StandardizedData(matrix: dense, rows: [0, 1]), fanOut: 4))
        let full = SparseMatrix(rows: 2, columns: 2, indptr: [0, 2, 4], indices: [0, 1, 0, 1], data: [1, 2, 3, 4])
        XCTAssertNil(SparseFirstLayer.make(for: StandardizedData(matrix: full, rows: [0, 1]), fanOut: 4))
        let covariates = CovariateMatrix(base: matrix, covariates: (0 ..< 30).map { Float($0) }, covariateCount: 1)
        XCTAssertNil(SparseFirstLayer.make(for: StandardizedData(matrix: covariates, rows: Array(0 ..< 30)), fanOut: 4))
    }
    /// Sequential Attention through the sparse first layer finds the genes a label depends
    /// on in a 10 %-dense count-like CSR store, as the dense path does on the same values.
    func testSequentialAttentionOnACSRStoreFindsThePlantedGenes() throws {
        var rng = SeededGenerator(seed: 21)
        let n = 800, p = 300, drivers = [17, 88, 140, 263]
        var dense = [Float](repeating: 0, count: n * p)
        var indptr = [0], indices: [Int32] = [], data: [Float] = []
        var codes = [Int32]()
        for i in 0 ..< n {
            var score = 0.0
            for j in 0 ..< p {
                let isDriver = drivers.contains(j)
                guard rng.nextUniform() < (isDriver ? 0.4 : 0.1) else { continue }
                let x = Float(1 + 3 * rng.nextUniform())
                dense[i * p + j] = x
                indices.append(Int32(j)); data.append(x)
                if let d = drivers.firstIndex(of: j) { score += Double(x) * (1 - 0.15 * Double(d)) }
            }
            indptr.append(indices.count)
            codes.append(score + 0.5 * rng.nextGaussian() > 3.2 ? 1 : 0)
        }
        XCTAssertGreaterThan(codes.filter { $0 == 1 }.count, n / 4)
        XCTAssertLessThan(codes.filter { $0 == 1 }.count, 3 * n / 4)
        let target = Target.classes(codes: codes, names: ["a", "b"])
        let sparse = SparseMatrix(rows: n, columns: p, indptr: indptr, indices: indices, data: data)
        let sparseData = StandardizedData(matrix: sparse, rows: Array(0 ..< n))
        XCTAssertNotNil(SparseFirstLayer.make(for: sparseData, fanOut: 67), "the sparse path is taken")
        for (name, store) in [("csr", sparse), ("dense", DenseMatrix(rows: n, columns: p, values: dense))] as [(String, any FeatureMatrix)] {
            let r = try SequentialAttention().select(StandardizedData(matrix: store, rows: Array(0 ..< n)), target: target,
                                                     k: 4, seed: 3, stream: [])
            XCTAssertEqual(Set(r.features), Set(drivers), "\(name): picked \(r.features)")
        }
    }
}
