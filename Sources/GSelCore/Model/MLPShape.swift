import GSelIO

/// Layer sizes of a fully connected ReLU network: inputs -> hidden... -> outputs.
/// `hidden == []` is a linear model.
public struct MLPShape: Sendable, Equatable {
    public var inputs: Int
    public var hidden: [Int]
    public var outputs: Int

    public init(inputs: Int, hidden: [Int], outputs: Int) {
        self.inputs = inputs; self.hidden = hidden; self.outputs = outputs
    }

    /// Sizes of all layers including input and output.
    public var layerSizes: [Int] { [inputs] + hidden + [outputs] }
    /// Number of weight matrices.
    public var layerCount: Int { hidden.count + 1 }

    /// Offsets of each layer's weight matrix (`fanIn x fanOut`, row-major) and bias in one flat buffer.
    public var parameterLayout: (weights: [Int], biases: [Int], total: Int) {
        var w: [Int] = [], b: [Int] = [], off = 0
        let s = layerSizes
        for l in 0 ..< layerCount {
            w.append(off); off += s[l] * s[l + 1]
            b.append(off); off += s[l + 1]
        }
        return (w, b, off)
    }

    /// Number of weights and biases (`parameterLayout.total`), counted without trapping:
    /// nil when it exceeds `Int`, so a shape can be checked before one is built.
    public var parameterCount: Int? {
        var total = 0
        for (fanIn, fanOut) in zip(layerSizes, layerSizes.dropFirst()) {
            let (layer, overflow) = fanOut.multipliedReportingOverflow(by: fanIn + 1)
            guard !overflow, total <= Int.max - layer else { return nil }
            total += layer
        }
        return total
    }

    /// Bytes a fit holds per parameter: the Float32 weight, its gradient (`MLP`) and Adam's
    /// two moments (`AdamOptimizer`).
    public static let trainingBytesPerParameter = 16

    /// Bytes of a fit's weights, gradients and Adam moments; nil when beyond `Int`.
    public var trainingBytes: Int? {
        parameterCount.flatMap { MemoryBudget.size(count: $0, stride: Self.trainingBytesPerParameter) }
    }
}
