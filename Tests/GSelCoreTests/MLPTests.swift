import XCTest
import GSelCore

final class MLPTests: XCTestCase {
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
