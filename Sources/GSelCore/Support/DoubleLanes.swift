#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Four Float64 lanes: the vector unit of the refits' softmax (`LogisticLoss`), which
/// needs one exponential per row and class in every objective evaluation — libm's
/// `exp` and `log` take one value at a time. Lane arithmetic gives the same bits
/// whatever the lane a value sits in.
typealias DoubleLanes = SIMD4<Double>

extension SIMD4 where Scalar == Double {
    /// Lane-wise `e^x` to within 2 ulp (Cody–Waite reduction `x = k·ln 2 + r`,
    /// |r| ≤ ln 2 / 2, then Cephes' rational approximation of `e^r`, scaled by 2^k built
    /// from its bits). Inputs are clamped to [−708, 709], the range with a normal result,
    /// so `e^x` of a very negative x is about 3e-308 rather than 0. Only plain vector
    /// arithmetic: no libm call and no instruction beyond SSE2.
    @inline(__always) var laneExponential: SIMD4<Double> {
        let x = laneMaximum(SIMD4(repeating: -708)).laneMinimum(SIMD4(repeating: 709))
        // Adding 1.5·2^52 rounds to an integer k held in the low mantissa bits.
        let shifter = 6_755_399_441_055_744.0
        let shifted = x * 1.442_695_040_888_963_4 + shifter
        let k = shifted - shifter
        let r = x - k * 6.931_471_803_691_238_164_90e-1 - k * 1.908_214_929_270_587_700_02e-10
        let rr = r * r
        var p = 1.261_771_930_748_105_908_78e-4 * rr + 3.029_944_077_074_419_613_00e-2
        p = r * (p * rr + 9.999_999_999_999_999_999_10e-1)
        var q = 3.001_985_051_386_644_550_42e-6 * rr + 2.524_483_403_496_841_041_92e-3
        q = q * rr + 2.272_655_482_081_550_287_66e-1
        q = q * rr + 2.000_000_000_000_000_000_09
        let er = 1 + 2 * p / (q - p)
        let bits = unsafeBitCast(shifted, to: SIMD4<UInt64>.self)
            &- unsafeBitCast(SIMD4<Double>(repeating: shifter), to: SIMD4<UInt64>.self)
        return er * unsafeBitCast((bits &+ 1023) &<< 52, to: SIMD4<Double>.self)
    }

    /// Lane-wise natural logarithm of positive normal values to within 2 ulp (the
    /// exponent from the bits, then Cephes' rational approximation of `log(1 + f)` for
    /// the mantissa in [√½, √2)). Plain vector arithmetic, as `laneExponential`.
    @inline(__always) var laneLogarithm: SIMD4<Double> {
        let bits = unsafeBitCast(self, to: SIMD4<UInt64>.self)
        // Mantissa m in [1, 2) and exponent e; m ≥ √2 is halved (e + 1) so m ∈ [√½, √2).
        var m = unsafeBitCast((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000, to: SIMD4<Double>.self)
        // The biased exponent as the low bits of 2^52, minus 2^52 + 1023.
        var e = unsafeBitCast((bits &>> 52) | 0x4330_0000_0000_0000, to: SIMD4<Double>.self) - 4_503_599_627_371_519.0
        let large = m .>= 1.414_213_562_373_095_048_80
        m.replace(with: m * 0.5, where: large)
        e.replace(with: e + 1, where: large)
        let f = m - 1
        let ff = f * f
        // Horner steps one at a time: long literal chains defeat the type checker.
        var p = 1.018_756_638_045_809_317_96e-4 * f + 4.974_949_949_767_470_014_25e-1
        p = p * f + 4.705_791_198_788_817_258_54e0
        p = p * f + 1.449_892_253_416_109_308_46e1
        p = p * f + 1.793_686_785_078_198_163_13e1
        p = p * f + 7.708_387_337_558_853_916_66e0
        var q = f + 1.128_735_871_891_674_505_90e1
        q = q * f + 4.522_791_458_375_322_211_05e1
        q = q * f + 8.298_752_669_127_766_032_11e1
        q = q * f + 7.115_447_506_185_638_944_66e1
        q = q * f + 2.312_516_201_267_653_405_83e1
        let y = f * (ff * p / q) - e * 2.121_944_400_546_905_827_68e-4 - 0.5 * ff
        return y + f + e * 0.693_359_375
    }

    /// Lane-wise `max(self, other)`, one vector instruction per two lanes on x86-64, where
    /// the generic `pointwiseMax` is not inlined.
    @inline(__always) func laneMaximum(_ other: SIMD4<Double>) -> SIMD4<Double> {
        #if arch(x86_64)
        SIMD4(lowHalf: _mm_max_pd(lowHalf, other.lowHalf), highHalf: _mm_max_pd(highHalf, other.highHalf))
        #else
        pointwiseMax(self, other)
        #endif
    }

    /// Lane-wise `min(self, other)` (see `laneMaximum`).
    @inline(__always) func laneMinimum(_ other: SIMD4<Double>) -> SIMD4<Double> {
        #if arch(x86_64)
        SIMD4(lowHalf: _mm_min_pd(lowHalf, other.lowHalf), highHalf: _mm_min_pd(highHalf, other.highHalf))
        #else
        pointwiseMin(self, other)
        #endif
    }
}

extension UnsafePointer<Double> {
    /// The four values starting at `i`.
    @inline(__always) func lanes(_ i: Int) -> DoubleLanes {
        UnsafeRawPointer(self + i).loadUnaligned(as: DoubleLanes.self)
    }
}

extension UnsafeMutablePointer<Double> {
    /// The four values starting at `i`.
    @inline(__always) func lanes(_ i: Int) -> DoubleLanes { UnsafePointer(self).lanes(i) }

    /// Writes four values starting at `i`.
    @inline(__always) func store(_ value: DoubleLanes, at i: Int) {
        UnsafeMutableRawPointer(self + i).storeBytes(of: value, as: DoubleLanes.self)
    }
}
