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
}
