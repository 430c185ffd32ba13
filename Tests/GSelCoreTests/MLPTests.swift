import XCTest
import GSelCore

final class MLPTests: XCTestCase {
    /// The parameter count is the layout's total, (fan-in + 1) x fan-out per layer (weights and biases), and 16
    /// bytes each for training; a shape beyond `Int` counts as nil instead of trapping.
    func testParameterCountAndTrainingBytes() {
        let shape = MLPShape(inputs: 6, hidden: [5, 4], outputs: 3)
        XCTAssertEqual(shape.parameterCount, 7 * 5 + 6 * 4 + 5 * 3)
        XCTAssertEqual(shape.parameterCount, shape.parameterLayout.total)
        XCTAssertEqual(shape.trainingBytes, 74 * 16)
        XCTAssertEqual(MLPShape(inputs: 10, hidden: [], outputs: 1).parameterCount, 11)
        let huge = MLPShape(inputs: Int.max / 2, hidden: [4], outputs: 1)
        XCTAssertNil(huge.parameterCount)
        XCTAssertNil(huge.trainingBytes)
        let wide = MLPShape(inputs: Int.max / 8, hidden: [1], outputs: 1)
        XCTAssertEqual(wide.parameterCount, Int.max / 8 + 1 + 2)
        XCTAssertNil(wide.trainingBytes, "the count fits in Int, its bytes do not")
    }

    /// Backward-pass gradients (weights, biases and input) against central finite differences,
    /// for a two-hidden-layer network under softmax cross-entropy and a linear model under squared error.
    func testGradientsMatchFiniteDifferences() {
        for (hidden, outputs) in [([5, 4], 3), ([], 1)] {
            var rng = SeededGenerator(seed: 11)
            let shape = MLPShape(inputs: 6, hidden: hidden, outputs: outputs)
            let rows = 4
            let mlp = MLP(shape: shape, batchCapacity: rows, rng: &rng)
            for i in 0 ..< mlp.parameters.count { mlp.parameters[i] += Float(rng.nextGaussian() * 0.1) }
            let x = (0 ..< rows * 6).map { _ in Float(rng.nextGaussian()) }
            let labels: [Int32] = [0, 2, 1, 2]
            let targets: [Float] = [0.5, -1, 2, 0.1]
            let w: [Float] = [1, 2, 1, 0.5]
            func loss(_ input: [Float], grad: UnsafeMutablePointer<Float>) -> Float {
                input.withUnsafeBufferPointer { inp in
                    let out = mlp.forward(inp.baseAddress!, rows: rows)
                    if outputs == 1 {
                        return Loss.squaredError(output: out, targets: targets, rows: rows, gradient: grad)
                    }
                    return Loss.softmaxCrossEntropy(logits: out, classes: outputs, labels: labels, weights: w,
                                                    rows: rows, gradient: grad)
                }
            }
            let g = UnsafeMutablePointer<Float>.allocate(capacity: rows * outputs)
            defer { g.deallocate() }
            _ = loss(x, grad: g)
            x.withUnsafeBufferPointer { inp in
                mlp.forward(inp.baseAddress!, rows: rows)
                mlp.backward(outputGradient: g, rows: rows, computeInputGradient: true)
            }
            let analytic = mlp.gradients.array
            let inputGrad = mlp.inputGradient.array
            let h: Float = 2e-3
            for i in 0 ..< mlp.parameters.count {
                let saved = mlp.parameters[i]
                mlp.parameters[i] = saved + h; let up = loss(x, grad: g)
                mlp.parameters[i] = saved - h; let down = loss(x, grad: g)
                mlp.parameters[i] = saved
                XCTAssertEqual(analytic[i], (up - down) / (2 * h), accuracy: 4e-3, "parameter \(i) hidden \(hidden)")
            }
            for i in 0 ..< x.count {
                var xu = x, xd = x
                xu[i] += h; xd[i] -= h
                XCTAssertEqual(inputGrad[i], (loss(xu, grad: g) - loss(xd, grad: g)) / (2 * h), accuracy: 4e-3, "input \(i)")
            }
        }
    }
}
