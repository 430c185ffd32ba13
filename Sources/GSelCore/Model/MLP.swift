import CBLAS

/// A fully connected ReLU network with a linear output layer, trained on
/// minibatches through `cblas_sgemm`. All parameters live in one flat buffer
/// (`parameters`, gradients in `gradients`) so one optimizer updates them;
/// all activations are preallocated for `batchCapacity` rows.
public final class MLP: @unchecked Sendable {
    public let shape: MLPShape
    public let batchCapacity: Int
    public let parameters: FloatBuffer
    public let gradients: FloatBuffer
    /// dL/d(input) of the last backward pass (`batch x inputs`), when requested (empty for a
    /// network built without it).
    public let inputGradient: FloatBuffer
    private let weightOffsets: [Int]
    private let biasOffsets: [Int]
    /// Post-activation outputs of layers 1...L (the last is the output, pre-softmax).
    private let activations: [FloatBuffer]
    /// dL/d(pre-activation) of layers 1...L.
    private let deltas: [FloatBuffer]
    private var input: UnsafePointer<Float>?

    /// Builds the network with He-initialised weights (Glorot for the output layer) and zero biases.
    /// Without `inputGradient` (a caller that computes the input's gradient itself, such as
    /// `SparseFirstLayer`) no `batch x inputs` buffer is allocated.
    public init(shape: MLPShape, batchCapacity: Int, rng: inout SeededGenerator, inputGradient: Bool = true) {
        self.shape = shape
        self.batchCapacity = batchCapacity
        let layout = shape.parameterLayout
        weightOffsets = layout.weights
        biasOffsets = layout.biases
        parameters = FloatBuffer(count: layout.total)
        gradients = FloatBuffer(count: layout.total)
        self.inputGradient = FloatBuffer(count: inputGradient ? batchCapacity * shape.inputs : 0)
        let sizes = shape.layerSizes
        activations = (1 ..< sizes.count).map { FloatBuffer(count: batchCapacity * sizes[$0]) }
        deltas = (1 ..< sizes.count).map { FloatBuffer(count: batchCapacity * sizes[$0]) }
        for l in 0 ..< shape.layerCount {
            let fanIn = sizes[l], fanOut = sizes[l + 1]
            let isOutput = l == shape.layerCount - 1
            let sd = isOutput ? (2.0 / Double(fanIn + fanOut)).squareRoot() : (2.0 / Double(fanIn)).squareRoot()
            let w = parameters.pointer + weightOffsets[l]
            for i in 0 ..< fanIn * fanOut { w[i] = Float(rng.nextGaussian() * sd) }
        }
    }

    /// Forward pass over `rows` rows of `input` (`rows x inputs`, row-major; must stay valid
    /// until `backward`). Returns the output layer (`rows x outputs`).
    @discardableResult
    public func forward(_ input: UnsafePointer<Float>, rows: Int) -> UnsafeMutablePointer<Float> {
        let fanIn = shape.inputs, fanOut = shape.layerSizes[1], w = parameters.pointer + weightOffsets[0]
        let output = forward(rows: rows) { out in
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(fanOut), Int32(fanIn),
                        1, input, Int32(fanIn), w, Int32(fanOut), 1, out, Int32(fanOut))
        }
        self.input = input
        return output
    }

    /// Forward pass whose first-layer product is added by `firstLayer` to the
    /// `rows x fanOut` buffer it is given (which holds the bias): for inputs that are not a
    /// dense row-major block (`SparseFirstLayer`). `backward` then leaves the first layer's
    /// weight and input gradients to the caller.
    @discardableResult
    public func forward(rows: Int, firstLayer: (UnsafeMutablePointer<Float>) -> Void) -> UnsafeMutablePointer<Float> {
        precondition(rows <= batchCapacity)
        input = nil
        let sizes = shape.layerSizes
        var x: UnsafePointer<Float>? = nil
        for l in 0 ..< shape.layerCount {
            let fanIn = sizes[l], fanOut = sizes[l + 1]
            let out = activations[l].pointer
            let b = parameters.pointer + biasOffsets[l]
            for r in 0 ..< rows { (out + r * fanOut).update(from: b, count: fanOut) }
            if let x {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(fanOut), Int32(fanIn),
                            1, x, Int32(fanIn), parameters.pointer + weightOffsets[l], Int32(fanOut),
                            1, out, Int32(fanOut))
            } else {
                firstLayer(out)
            }
            if l < shape.layerCount - 1 {
                for i in 0 ..< rows * fanOut where out[i] < 0 { out[i] = 0 }
            }
            x = UnsafePointer(out)
        }
        return activations[shape.layerCount - 1].pointer
    }

    /// dL/d(pre-activation) of the first layer from the last `backward` (`rows x fanOut`).
    public var firstLayerDelta: UnsafePointer<Float> { UnsafePointer(deltas[0].pointer) }

    /// Where the first layer's weights (`inputs x fanOut`, row-major) sit in `parameters`.
    public var firstLayerWeights: Range<Int> { weightOffsets[0] ..< weightOffsets[0] + shape.inputs * shape.layerSizes[1] }

    /// The input of the last forward pass.
    public var lastInput: UnsafePointer<Float>? { input }

    /// Backward pass from `outputGradient` (dL/d output, `rows x outputs`) of the last forward.
    /// Overwrites `gradients`; fills `inputGradient` when `computeInputGradient`. With
    /// `firstLayerWeightGradient` false the first layer's weight gradient and the input
    /// gradient are left to the caller (`FirstLayerStep` fuses them with the optimizer step);
    /// its bias gradient and `firstLayerDelta` are still computed.
    public func backward(outputGradient: UnsafePointer<Float>, rows: Int, computeInputGradient: Bool,
                         firstLayerWeightGradient: Bool = true) {
        let sizes = shape.layerSizes
        let L = shape.layerCount
        deltas[L - 1].pointer.update(from: outputGradient, count: rows * sizes[L])
        for l in stride(from: L - 1, through: 0, by: -1) {
            let fanIn = sizes[l], fanOut = sizes[l + 1]
            let delta = deltas[l].pointer
            // dW = below^T * delta
            if l > 0 || firstLayerWeightGradient {
                guard let below = l == 0 ? input : UnsafePointer(activations[l - 1].pointer) else {
                    preconditionFailure("the first layer's weight gradient needs a dense forward input")
                }
                cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(fanIn), Int32(fanOut), Int32(rows),
                            1, below, Int32(fanIn), delta, Int32(fanOut),
                            0, gradients.pointer + weightOffsets[l], Int32(fanOut))
            }
            let db = gradients.pointer + biasOffsets[l]
            db.update(repeating: 0, count: fanOut)
            for r in 0 ..< rows {
                let d = delta + r * fanOut
                for o in 0 ..< fanOut { db[o] += d[o] }
            }
            if l > 0 {
                // delta_{l-1} = (delta W^T) ⊙ relu'(a_{l-1})
                let prev = deltas[l - 1].pointer
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(fanIn), Int32(fanOut),
                            1, delta, Int32(fanOut), parameters.pointer + weightOffsets[l], Int32(fanOut),
                            0, prev, Int32(fanIn))
                let a = activations[l - 1].pointer
                for i in 0 ..< rows * fanIn where a[i] <= 0 { prev[i] = 0 }
            } else if computeInputGradient && firstLayerWeightGradient {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(fanIn), Int32(fanOut),
                            1, delta, Int32(fanOut), parameters.pointer + weightOffsets[0], Int32(fanOut),
                            0, inputGradient.pointer, Int32(fanIn))
            }
        }
    }
}
