/// The Sequential Attention mask: 1 for selected features, a softmax of the
/// attention logits over the unselected ones.
public enum AttentionMask {
    /// How the unselected softmax is scaled.
    public enum Form: String, Sendable, CaseIterable, Codable {
        /// The paper's form: `m_j = softmax(w_U)_j`, summing to 1 over the unselected set.
        case paper
        /// SequentialAttention++ form: `m_j = |U| * softmax(w_U)_j`, keeping the input scale
        /// the network saw during warm-up (mean mask 1).
        case scaled
    }

    /// Writes the mask into `mask` and returns the softmax weights of the unselected
    /// features in `weights` (0 for selected ones). Numerically stable for any logits.
    /// A logit of −∞ leaves its feature out (weight and mask 0, not counted in |U|: a feature
    /// the budget can no longer afford). Returns |U|.
    @discardableResult
    public static func compute(logits: UnsafePointer<Float>, selected: UnsafePointer<Bool>, count: Int,
                               form: Form, mask: UnsafeMutablePointer<Float>,
                               weights: UnsafeMutablePointer<Float>) -> Int {
        var maxLogit = -Float.infinity
        var unselected = 0
        for j in 0 ..< count where !selected[j] && logits[j] > -.infinity {
            unselected += 1
            if logits[j] > maxLogit { maxLogit = logits[j] }
        }
        var total: Double = 0
        for j in 0 ..< count {
            if selected[j] || logits[j] == -.infinity { weights[j] = 0 } else {
                let e = expf(logits[j] - maxLogit)
                weights[j] = e
                total += Double(e)
            }
        }
        let inv = total > 0 ? Float(1 / total) : 0
        let scale = form == .scaled ? Float(unselected) : 1
        for j in 0 ..< count {
            if selected[j] { mask[j] = 1 } else {
                weights[j] *= inv
                mask[j] = weights[j] * scale
            }
        }
        return unselected
    }

    /// Convenience over arrays (tests, reports).
    public static func compute(logits: [Float], selected: [Bool], form: Form) -> (mask: [Float], weights: [Float]) {
        var mask = [Float](repeating: 0, count: logits.count)
        var weights = mask
        logits.withUnsafeBufferPointer { l in
            selected.withUnsafeBufferPointer { s in
                _ = compute(logits: l.baseAddress!, selected: s.baseAddress!, count: logits.count, form: form,
                            mask: &mask, weights: &weights)
            }
        }
        return (mask, weights)
    }

    /// The masked input, row by row: `out[r, j] = x[r, j] * mask[j]` for `rows x count` row-major blocks.
    public static func apply(mask: UnsafePointer<Float>, to x: UnsafePointer<Float>, rows: Int, count: Int,
                             out: UnsafeMutablePointer<Float>) {
        for r in 0 ..< rows {
            let src = x + r * count, dst = out + r * count
            forEachLaneGroup(count) { j in dst.store(src.lanes(j) * mask.lanes(j), at: j) } tail: { j in dst[j] = src[j] * mask[j] }
        }
    }

    /// Gradient of the loss with respect to the unselected logits, given `dL/dm` (`maskGrad`):
    /// `dL/dw_j = c * s_j * (g_j - sum_{k in U} s_k g_k)`, with c = 1 (paper) or |U| (scaled).
    public static func logitGradient(weights: UnsafePointer<Float>, selected: UnsafePointer<Bool>,
                                     maskGrad: UnsafePointer<Float>, count: Int, form: Form,
                                     unselected: Int, out: UnsafeMutablePointer<Float>) {
        var dot: Double = 0
        for j in 0 ..< count where !selected[j] { dot += Double(weights[j]) * Double(maskGrad[j]) }
        let c: Float = form == .scaled ? Float(unselected) : 1
        let d = Float(dot)
        for j in 0 ..< count {
            out[j] = selected[j] ? 0 : c * weights[j] * (maskGrad[j] - d)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
