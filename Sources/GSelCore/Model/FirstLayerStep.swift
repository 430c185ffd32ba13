import CBLAS

/// The first layer's backward pass fused with its Adam step, a block of input rows at a
/// time. For wide inputs the first layer holds almost every weight, and a training step is
/// bound by memory traffic over it: separately, the weight gradient is written, and Adam
/// reads gradient, weights and both moments. Here each block of W1's rows (features
/// j0 ..< j1) is read once: the block's unmasked gradient `S = X[:, j0..<j1]ᵀ δ` (in a small
/// buffer that stays in cache), from it the mask gradient `dL/dm_j = W1[j] · S[j]` (with the
/// weights before the update) and the weight gradient `m_j · S[j]` (the input the layer saw
/// was `x_ij · m_j`), then the Adam update of the block. The mask gradient so costs a dot
/// product per feature instead of the product `δ · W1ᵀ` over the batch (a third of the
/// layer's arithmetic) and a pass over it. Same maths as `MLP.backward` on the masked input,
/// dL/dm_j = Σ_i x_ij (δ W1ᵀ)_ij, and `AdamOptimizer.step`, and as `SparseFirstLayer.step`.
enum FirstLayerStep {
    /// Rows of W1 per block: 256 x 67 floats is about 68 KB, so a block, its gradient and its
    /// moments stay in the L2 cache.
    static let blockRows = 256

    /// Applies the step. `input` is the layer's input before the mask (`rows x inputs`),
    /// `mask` the mask it was multiplied by (nil: none, during warm-up), `delta` dL/d of the
    /// pre-activation (`rows x fanOut`), `weights` the `inputs x fanOut` block of
    /// `parameters` starting at `weightOffset`; fills `maskGradient` (`inputs`) when given.
    /// `scratch` holds at least `blockRows x fanOut` floats.
    static func apply(input: UnsafePointer<Float>, mask: UnsafePointer<Float>?, delta: UnsafePointer<Float>, rows: Int,
                      inputs: Int, fanOut: Int, parameters: UnsafeMutablePointer<Float>, weightOffset: Int,
                      m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
                      coefficients: AdamOptimizer.Coefficients,
                      maskGradient: UnsafeMutablePointer<Float>?, scratch: UnsafeMutablePointer<Float>) {
        let weights = parameters + weightOffset
        for j0 in stride(from: 0, to: inputs, by: blockRows) {
            let count = min(blockRows, inputs - j0)
            // S = input[:, j0 ..< j0 + count]^T · delta
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(count), Int32(fanOut), Int32(rows),
                        1, input + j0, Int32(inputs), delta, Int32(fanOut), 0, scratch, Int32(fanOut))
            for j in j0 ..< j0 + count {
                let sj = scratch + (j - j0) * fanOut
                maskGradient?[j] = FloatKernels.dot(weights + j * fanOut, sj, count: fanOut)
                if let mask { FloatKernels.scale(sj, by: mask[j], count: fanOut) }
            }
            let start = weightOffset + j0 * fanOut
            AdamOptimizer.update(parameters: parameters + start, gradients: UnsafePointer(scratch), m: m + start,
                                 v: v + start, count: count * fanOut, coefficients)
        }
    }
}
