/// Small vector kernels over Float32 runs shared by the first-layer steps (`FirstLayerStep`,
/// `SparseFirstLayer`): lane-wise, so every call gives the same bits for the same inputs.
enum FloatKernels {
    /// `y += a · x` over `count` values.
    @inline(__always)
    static func addScaled(_ a: Float, _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        let av = FloatLanes(repeating: a)
        forEachLaneGroup(count) { i in y.store(y.lanes(i) + av * x.lanes(i), at: i) } tail: { i in y[i] += a * x[i] }
    }

    /// `x *= a` over `count` values.
    @inline(__always)
    static func scale(_ x: UnsafeMutablePointer<Float>, by a: Float, count: Int) {
        let av = FloatLanes(repeating: a)
        forEachLaneGroup(count) { i in x.store(x.lanes(i) * av, at: i) } tail: { i in x[i] *= a }
    }

    /// `x · y` over `count` values: lane-wise partial sums, then the lanes and the tail in order.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
        var acc = FloatLanes(repeating: 0)
        var tail: Float = 0
        forEachLaneGroup(count) { i in acc += x.lanes(i) * y.lanes(i) } tail: { i in tail += x[i] * y[i] }
        return acc.sum() + tail
    }
}
