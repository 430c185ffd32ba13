/// Adam (Kingma & Ba 2015) over a flat parameter buffer, with bias correction.
/// Several parameter groups (network weights, attention logits) can share one
/// optimizer and be reset independently by range.
public struct AdamOptimizer: Sendable {
    public var beta1: Float = 0.9
    public var beta2: Float = 0.999
    public var epsilon: Float = 1e-7
    private(set) var m: [Float]
    private(set) var v: [Float]
    /// Per-range step counters, so a reset range restarts its bias correction.
    private var rangeSteps: [(range: Range<Int>, t: Int)]

    /// `ranges` partition the parameters into groups with their own step counters.
    public init(parameterCount: Int, ranges: [Range<Int>]) {
        m = [Float](repeating: 0, count: parameterCount)
        v = [Float](repeating: 0, count: parameterCount)
        rangeSteps = ranges.map { ($0, 0) }
    }

    /// Zeroes the moments and step counter of the group with this range.
    public mutating func reset(range: Range<Int>) {
        for i in range { m[i] = 0; v[i] = 0 }
        for g in rangeSteps.indices where rangeSteps[g].range == range { rangeSteps[g].t = 0 }
    }

    /// Counts one step of `group`; returns its range and the bias corrections 1 − β₁ᵗ, 1 − β₂ᵗ.
    private mutating func advance(group: Int) -> (Range<Int>, Float, Float) {
        rangeSteps[group].t += 1
        let t = Float(rangeSteps[group].t)
        return (rangeSteps[group].range, 1 - pow(beta1, t), 1 - pow(beta2, t))
    }

    /// One step in which the second moment is shared by the whole group (the mean of the
    /// squared gradients), so coordinates keep their relative gradient sizes: a feature
    /// with a stronger signal moves faster, unlike per-coordinate Adam where every
    /// consistently signed coordinate moves at the same speed.
    public mutating func stepSharedScale(group: Int, parameters: UnsafeMutablePointer<Float>,
                                         gradients: UnsafePointer<Float>, learningRate: Float) {
        let (r, c1, c2) = advance(group: group)
        var meanSq: Double = 0
        for i in r { meanSq += Double(gradients[i]) * Double(gradients[i]) }
        meanSq /= Double(max(r.count, 1))
        // The shared second moment lives in v[r.lowerBound].
        v[r.lowerBound] = beta2 * v[r.lowerBound] + (1 - beta2) * Float(meanSq)
        let denom = (v[r.lowerBound] / c2).squareRoot() + epsilon
        let b1 = beta1
        m.withUnsafeMutableBufferPointer { mm in
            for i in r {
                mm[i] = b1 * mm[i] + (1 - b1) * gradients[i]
                parameters[i] -= learningRate * (mm[i] / c1) / denom
            }
        }
    }

    /// One step for the group `group` (index into the ranges given at init).
    public mutating func step(group: Int, parameters: UnsafeMutablePointer<Float>,
                              gradients: UnsafePointer<Float>, learningRate: Float) {
        step(group: group, learningRate: learningRate) { m, v, range, coefficients in
            Self.update(parameters, gradients, m, v, range, coefficients)
        }
    }

    /// One step for `group` whose updates `body` applies itself (with `update` on the ranges
    /// it chooses), given the moments, the group's range and this step's coefficients: for
    /// kernels that compute a gradient block and update it while it is in cache.
    mutating func step(group: Int, learningRate: Float,
                       _ body: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, Range<Int>, Coefficients) -> Void) {
        let (r, c1, c2) = advance(group: group)
        let coefficients = Coefficients(beta1: beta1, beta2: beta2, stepSize: learningRate * c2.squareRoot() / c1,
                                        epsilon: epsilon * c2.squareRoot())
        m.withUnsafeMutableBufferPointer { mm in
            v.withUnsafeMutableBufferPointer { vv in body(mm.baseAddress!, vv.baseAddress!, r, coefficients) }
        }
    }

    /// The scalars of one Adam step.
    struct Coefficients {
        let beta1: Float, beta2: Float, stepSize: Float, epsilon: Float
    }

    /// The Adam update of the coordinates in `range`, a lane group at a time. Every
    /// coordinate goes through the same operations in the same order as the scalar tail,
    /// so the result does not depend on the vector width or on how the range is split.
    static func update(_ p: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ m: UnsafeMutablePointer<Float>,
                       _ v: UnsafeMutablePointer<Float>, _ range: Range<Int>, _ c: Coefficients) {
        update(parameters: p + range.lowerBound, gradients: g + range.lowerBound, m: m + range.lowerBound,
               v: v + range.lowerBound, count: range.count, c)
    }

    /// The Adam update of `count` coordinates, each pointer at the first of them.
    static func update(parameters p: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>,
                       m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>, count: Int, _ c: Coefficients) {
        let b1 = FloatLanes(repeating: c.beta1), a1 = FloatLanes(repeating: 1 - c.beta1)
        let b2 = FloatLanes(repeating: c.beta2), a2 = FloatLanes(repeating: 1 - c.beta2)
        let size = FloatLanes(repeating: c.stepSize), eps = FloatLanes(repeating: c.epsilon)
        forEachLaneGroup(count) { i in
            let gi = g.lanes(i)
            let mi = b1 * m.lanes(i) + a1 * gi
            let vi = b2 * v.lanes(i) + a2 * gi * gi
            m.store(mi, at: i)
            v.store(vi, at: i)
            p.store(p.lanes(i) - size * mi / (vi.laneSquareRoot + eps), at: i)
        } tail: { i in
            let gi = g[i]
            m[i] = c.beta1 * m[i] + (1 - c.beta1) * gi
            v[i] = c.beta2 * v[i] + (1 - c.beta2) * gi * gi
            p[i] -= c.stepSize * m[i] / (v[i].squareRoot() + c.epsilon)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
