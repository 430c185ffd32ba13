#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Losses with their gradient with respect to the network output.
public enum Loss {
    /// Weighted mean softmax cross-entropy over `rows` rows of `logits` (`rows x classes`).
    /// Writes dL/dlogits into `gradient`; returns the loss. `weights[i]` is the weight of row i.
    public static func softmaxCrossEntropy(logits: UnsafePointer<Float>, classes: Int, labels: UnsafePointer<Int32>,
                                           weights: UnsafePointer<Float>, rows: Int,
                                           gradient: UnsafeMutablePointer<Float>) -> Float {
        var total: Double = 0, weightSum: Double = 0
        for r in 0 ..< rows { weightSum += Double(weights[r]) }
        let norm = weightSum > 0 ? Float(1 / weightSum) : 0
        for r in 0 ..< rows {
            let z = logits + r * classes, g = gradient + r * classes
            var mx = -Float.infinity
            for c in 0 ..< classes where z[c] > mx { mx = z[c] }
            var s: Float = 0
            for c in 0 ..< classes { g[c] = expf(z[c] - mx); s += g[c] }
            let y = Int(labels[r])
            let w = weights[r] * norm
            total += Double(weights[r]) * Double(logf(s) - (z[y] - mx))
            for c in 0 ..< classes { g[c] = (g[c] / s - (c == y ? 1 : 0)) * w }
        }
        return weightSum > 0 ? Float(total / weightSum) : 0
    }

    /// Mean of `0.5 * (output - target)^2` over `rows` rows of a single output.
    public static func squaredError(output: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int,
                                    gradient: UnsafeMutablePointer<Float>) -> Float {
        var total: Double = 0
        let inv = 1 / Float(max(rows, 1))
        for r in 0 ..< rows {
            let d = output[r] - targets[r]
            total += Double(d * d)
            gradient[r] = d * inv
        }
        return Float(0.5 * total / Double(max(rows, 1)))
    }
}
