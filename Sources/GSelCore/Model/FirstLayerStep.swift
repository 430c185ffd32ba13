import CBLAS

/// The first layer's backward pass fused with its Adam step, a block of input rows at a
/// time. For wide inputs the first layer holds almost every weight, and a training step is
/// bound by memory traffic over it: separately, the weight gradient is written, the weights
/// are read again for the input gradient, and Adam reads gradient, weights and both moments.
/// Here each block of W1's rows (features j0 ..< j1) is read once: the input gradient of
/// those features (`δ · W1[j0..<j1]ᵀ`, with the weights before the update), the block's
/// weight gradient (`X[:, j0..<j1]ᵀ δ`, in a small buffer that stays in cache) and the Adam
/// update of the block follow one another. Same maths as `MLP.backward` + `AdamOptimizer.step`.
enum FirstLayerStep {
    /// Rows of W1 per block: 256 x 67 floats is about 68 KB, so a block, its gradient and its
    /// moments stay in the L2 cache.
    static let blockRows = 256

    /// Applies the step. `input` is the layer's input (`rows x inputs`), `delta` dL/d of its
    /// pre-activation (`rows x fanOut`), `weights` the `inputs x fanOut` block of
    /// `parameters` starting at `weightOffset`; fills `inputGradient` (`rows x inputs`)
    /// when given. `scratch` holds at least `blockRows x fanOut` floats.
    static func apply(input: UnsafePointer<Float>, delta: UnsafePointer<Float>, rows: Int, inputs: Int, fanOut: Int,
                      parameters: UnsafeMutablePointer<Float>, weightOffset: Int,
                      m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
                      coefficients: AdamOptimizer.Coefficients,
                      inputGradient: UnsafeMutablePointer<Float>?, scratch: UnsafeMutablePointer<Float>) {
        let weights = parameters + weightOffset
        for j0 in stride(from: 0, to: inputs, by: blockRows) {
            let count = min(blockRows, inputs - j0)
            let block = weights + j0 * fanOut
            if let inputGradient {
                // inputGradient[:, j0 ..< j0 + count] = delta · block^T
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(count), Int32(fanOut),
                            1, delta, Int32(fanOut), block, Int32(fanOut), 0, inputGradient + j0, Int32(inputs))
            }
            // gradient of the block = input[:, j0 ..< j0 + count]^T · delta
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(count), Int32(fanOut), Int32(rows),
                        1, input + j0, Int32(inputs), delta, Int32(fanOut), 0, scratch, Int32(fanOut))
            let start = weightOffset + j0 * fanOut
            AdamOptimizer.update(parameters: parameters + start, gradients: UnsafePointer(scratch), m: m + start,
                                 v: v + start, count: count * fanOut, coefficients)
        }
    }
}
