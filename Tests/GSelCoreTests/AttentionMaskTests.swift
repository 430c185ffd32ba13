import XCTest
import GSelCore

final class AttentionMaskTests: XCTestCase {
    func testUnselectedWeightsSumToOneAndSelectedAreOne() {
        let logits: [Float] = [0.5, -1, 2, 0, 3]
        let selected = [false, true, false, false, true]
        let (mask, weights) = AttentionMask.compute(logits: logits, selected: selected, form: .paper)
        XCTAssertEqual(mask[1], 1); XCTAssertEqual(mask[4], 1)
        XCTAssertEqual(weights[1], 0); XCTAssertEqual(weights[4], 0)
        XCTAssertEqual(weights[0] + weights[2] + weights[3], 1, accuracy: 1e-6)
        // softmax over {0.5, 2, 0}
        let e = [exp(0.5), exp(2.0), exp(0.0)]
        let s = e.reduce(0, +)
        XCTAssertEqual(Double(mask[2]), e[1] / s, accuracy: 1e-6)
        XCTAssertEqual(Double(mask[0]), e[0] / s, accuracy: 1e-6)
    }

    func testScaledFormKeepsMeanMaskOne() {
        let logits: [Float] = [0.1, 0.2, -0.3, 0.4]
        let (mask, _) = AttentionMask.compute(logits: logits, selected: [false, false, true, false], form: .scaled)
        XCTAssertEqual(mask[0] + mask[1] + mask[3], 3, accuracy: 1e-5)
        XCTAssertEqual(mask[2], 1)
    }

    func testLargeLogitsAreStable() {
        let logits: [Float] = [1000, 999, -1000, 88.8]
        let (mask, weights) = AttentionMask.compute(logits: logits, selected: [false, false, false, false], form: .paper)
        XCTAssertFalse(mask.contains { $0.isNaN || $0.isInfinite })
        XCTAssertEqual(Double(weights[0]), 1 / (1 + exp(-1.0)), accuracy: 1e-6)
        XCTAssertEqual(weights[2], 0)
    }

    func testLogitGradientMatchesFiniteDifferences() {
        // L(m) = sum_j c_j m_j  =>  dL/dm = c; check dL/dw against numeric differences.
        let logits: [Float] = [0.3, -0.2, 0.7, 0.1, -0.5]
        let selected = [false, false, true, false, false]
        let c: [Float] = [1.5, -0.7, 2.0, 0.4, 0.9]
        for form in AttentionMask.Form.allCases {
            let (_, weights) = AttentionMask.compute(logits: logits, selected: selected, form: form)
            var grad = [Float](repeating: 0, count: 5)
            weights.withUnsafeBufferPointer { w in
                selected.withUnsafeBufferPointer { s in
                    c.withUnsafeBufferPointer { g in
                        AttentionMask.logitGradient(weights: w.baseAddress!, selected: s.baseAddress!, maskGrad: g.baseAddress!,
                                                    count: 5, form: form, unselected: 4, out: &grad)
                    }
                }
            }
            func loss(_ l: [Float]) -> Double {
                let (m, _) = AttentionMask.compute(logits: l, selected: selected, form: form)
                return zip(m, c).reduce(0) { $0 + Double($1.0 * $1.1) }
            }
            for j in 0 ..< 5 {
                var up = logits, down = logits
                up[j] += 1e-2; down[j] -= 1e-2
                let numeric = (loss(up) - loss(down)) / 2e-2
                XCTAssertEqual(Double(grad[j]), numeric, accuracy: 1e-3, "\(form) feature \(j)")
            }
        }
    }

    /// Masked input on 3 rows x 21 features (vector body and scalar tail), against the
    /// definition xm[r, j] = x[r, j] m_j computed in Double. (dL/dm is the first-layer
    /// step's: `SparseFirstLayerTests`.)
    func testApplyMatchesDefinition() {
        let rows = 3, count = 21
        let x = (0 ..< rows * count).map { Float(sin(Double($0) * 0.7)) }
        let mask = (0 ..< count).map { Float(1 + $0) / 22 }
        var xm = [Float](repeating: 0, count: rows * count)
        AttentionMask.apply(mask: mask, to: x, rows: rows, count: count, out: &xm)
        for j in 0 ..< count {
            for r in 0 ..< rows {
                XCTAssertEqual(Double(xm[r * count + j]), Double(x[r * count + j]) * Double(mask[j]), accuracy: 1e-6)
            }
        }
    }
}
