#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Eight Float32 lanes: the vector unit of the training loops' element-wise kernels
/// (Adam, attention mask). Element-wise lane arithmetic gives the same bits as the
/// scalar loop, so results do not depend on the vector width or on how a range is split.
typealias FloatLanes = SIMD8<Float>

extension SIMD8 where Scalar == Float {
    /// Lane-wise correctly rounded square root: the same bits as `Float.squareRoot()`, but
    /// one vector instruction per four lanes on x86-64, where `squareRoot()` on Linux goes
    /// through libm's errno-setting `sqrtf` one lane at a time.
    @inline(__always) var laneSquareRoot: SIMD8<Float> {
        #if arch(x86_64)
        SIMD8(lowHalf: _mm_sqrt_ps(lowHalf), highHalf: _mm_sqrt_ps(highHalf))
        #else
        squareRoot()
        #endif
    }
}

extension UnsafePointer<Float> {
    /// The eight values starting at `i`.
    @inline(__always) func lanes(_ i: Int) -> FloatLanes {
        UnsafeRawPointer(self + i).loadUnaligned(as: FloatLanes.self)
    }
}

extension UnsafeMutablePointer<Float> {
    /// The eight values starting at `i`.
    @inline(__always) func lanes(_ i: Int) -> FloatLanes { UnsafePointer(self).lanes(i) }

    /// Writes eight values starting at `i`.
    @inline(__always) func store(_ value: FloatLanes, at i: Int) {
        UnsafeMutableRawPointer(self + i).storeBytes(of: value, as: FloatLanes.self)
    }
}

/// Visits `0 ..< count` as whole lane groups (`body` at multiples of the lane count)
/// and then the remaining indices one at a time (`tail`).
@inline(__always)
func forEachLaneGroup(_ count: Int, _ body: (Int) -> Void, tail: (Int) -> Void) {
    var i = 0
    while i + FloatLanes.scalarCount <= count { body(i); i += FloatLanes.scalarCount }
    while i < count { tail(i); i += 1 }
}
