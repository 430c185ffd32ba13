import XCTest
import GSelCore

final class AdamOptimizerTests: XCTestCase {
    /// Two steps worked by hand from Kingma & Ba's update with bias correction.
    func testStepsMatchHandComputedValues() {
        var adam = AdamOptimizer(parameterCount: 2, ranges: [0 ..< 2])
        adam.epsilon = 1e-8
        var p: [Float] = [1.0, -2.0]
        let lr: Float = 0.1
        // Step 1, g = (0.5, -4): m̂ = g, v̂ = g², update = lr · g/|g| = ±lr.
        adam.step(group: 0, parameters: &p, gradients: [0.5, -4], learningRate: lr)
        XCTAssertEqual(p[0], 0.9, accuracy: 1e-6)
        XCTAssertEqual(p[1], -1.9, accuracy: 1e-6)
        // Step 2, g = (0.1, -4):
        // m = 0.9·0.05 + 0.1·0.1 = 0.055 -> m̂ = 0.055/0.19; v = 0.999·0.00025 + 0.001·0.01 = 0.00025975 -> v̂ = 0.00026/0.001999
        adam.step(group: 0, parameters: &p, gradients: [0.1, -4], learningRate: lr)
        let mHat = 0.055 / 0.19, vHat = 0.00025975 / 0.001999
        XCTAssertEqual(Double(p[0]), 0.9 - 0.1 * mHat / (vHat.squareRoot() + 1e-8), accuracy: 1e-5)
        XCTAssertEqual(p[1], -1.8, accuracy: 1e-5)
    }

    func testResetRestartsBiasCorrection() {
        var adam = AdamOptimizer(parameterCount: 1, ranges: [0 ..< 1])
        var p: [Float] = [0]
        for _ in 0 ..< 5 { adam.step(group: 0, parameters: &p, gradients: [1], learningRate: 0.1) }
        adam.reset(range: 0 ..< 1)
        let before = p[0]
        adam.step(group: 0, parameters: &p, gradients: [-3], learningRate: 0.1)
        XCTAssertEqual(p[0] - before, 0.1, accuracy: 1e-5, "first step after reset moves exactly lr")
    }

    /// 19 coordinates cover the vector body (two groups of 8) and the scalar tail: every
    /// coordinate must follow Kingma & Ba's update (computed here in Double), and coordinates
    /// with the same gradients must end bit-identical wherever they sit.
    func testVectorBodyAndTailFollowTheSameUpdate() {
        let count = 19
        var adam = AdamOptimizer(parameterCount: count, ranges: [0 ..< count])
        var p = [Float](repeating: 0.5, count: count)
        let lr: Float = 0.01
        var m = 0.0, v = 0.0, reference = 0.5
        let gradients: [Float] = [0.3, -1.2, 0.05, 2.5, -0.7, 0.0, 1e-3]
        for (t, g) in gradients.enumerated() {
            adam.step(group: 0, parameters: &p, gradients: [Float](repeating: g, count: count), learningRate: lr)
            let step = Double(t + 1)
            m = 0.9 * m + 0.1 * Double(g)
            v = 0.999 * v + 0.001 * Double(g) * Double(g)
            let mHat = m / (1 - pow(0.9, step)), vHat = v / (1 - pow(0.999, step))
            reference -= Double(lr) * mHat / (vHat.squareRoot() + 1e-7)
        }
        for i in 0 ..< count {
            XCTAssertEqual(p[i].bitPattern, p[0].bitPattern, "coordinate \(i) differs from coordinate 0")
        }
        XCTAssertEqual(Double(p[0]), reference, accuracy: 1e-5)
    }
}

extension AdamOptimizerTests {
    /// The reason for the shared scale: on a constant (full-batch) gradient, per-coordinate
    /// Adam moves a coordinate with gradient −1 and one with −0.01 by the same amount,
    /// while the shared second moment keeps their 100:1 ratio.
    func testSharedScaleKeepsRelativeGradientSizes() {
        var perCoordinate = AdamOptimizer(parameterCount: 2, ranges: [0 ..< 2])
        var shared = AdamOptimizer(parameterCount: 2, ranges: [0 ..< 2])
        var p: [Float] = [0, 0], q: [Float] = [0, 0]
        for _ in 0 ..< 20 {
            perCoordinate.step(group: 0, parameters: &p, gradients: [-1, -0.01], learningRate: 0.01)
            shared.stepSharedScale(group: 0, parameters: &q, gradients: [-1, -0.01], learningRate: 0.01)
        }
        XCTAssertEqual(p[0], 0.2, accuracy: 1e-4)
        XCTAssertEqual(p[1], 0.2, accuracy: 1e-4)
        // Shared second moment: mean of squares (1 + 1e-4)/2, so steps are lr·g/sqrt(0.50005).
        XCTAssertEqual(q[0], 0.2 / Float(0.50005).squareRoot(), accuracy: 1e-4)
        XCTAssertEqual(q[1] / q[0], 0.01, accuracy: 1e-4)
    }
}
