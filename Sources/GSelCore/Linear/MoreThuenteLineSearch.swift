/// The Moré–Thuente line search (MINPACK-2 `dcsrch` and `dcstep`; J. J. Moré and
/// D. J. Thuente, ACM TOMS 20, 1994), as L-BFGS-B uses it: finds a step `t` along a
/// descent direction with sufficient decrease `φ(t) ≤ φ(0) + ftol·t·φ'(0)` and the
/// strong curvature condition `|φ'(t)| ≤ gtol·|φ'(0)|`, safeguarding cubic and
/// quadratic interpolation inside a bracketing interval. A transcription of SciPy's
/// port (`scipy/optimize/_dcsrch.py`), step for step, so that `LBFGS` takes the same
/// steps as SciPy's L-BFGS-B and thus scikit-learn's lbfgs solver.
///
/// Use: `start(step:value:slope:)`, then evaluate φ and φ' at `step` and call
/// `next(value:slope:)` until it returns something other than `.evaluate`.
struct MoreThuenteLineSearch {
    enum Status: Equatable {
        /// Evaluate φ and φ' at `step` and call `next` again.
        case evaluate
        /// `step` satisfies both conditions.
        case converged
        /// No better step can be found (rounding errors, interval below `xtol`, a bound);
        /// `step` is the last one evaluated, which L-BFGS-B accepts.
        case warning
    }

    var ftol = 1e-3
    var gtol = 0.9
    var xtol = 0.1
    var minStep = 0.0
    var maxStep = 1e10

    /// The step to evaluate (`.evaluate`) or the step found.
    private(set) var step = 0.0
    private var bracketed = false
    private var stage = 1
    private var initialValue = 0.0, initialSlope = 0.0, slopeTest = 0.0
    private var width = 0.0, previousWidth = 0.0
    private var bestStep = 0.0, bestValue = 0.0, bestSlope = 0.0
    private var otherStep = 0.0, otherValue = 0.0, otherSlope = 0.0
    private var lowerBound = 0.0, upperBound = 0.0

    /// Starts a search from φ(0) = `value`, φ'(0) = `slope` (< 0) with first trial `step`.
    mutating func start(step: Double, value: Double, slope: Double) {
        precondition(slope < 0 && step >= minStep && step <= maxStep, "MoreThuenteLineSearch: bad start")
        self.step = step
        bracketed = false
        stage = 1
        initialValue = value
        initialSlope = slope
        slopeTest = ftol * slope
        width = maxStep - minStep
        previousWidth = width / 0.5
        bestStep = 0; bestValue = value; bestSlope = slope
        otherStep = 0; otherValue = value; otherSlope = slope
        lowerBound = 0
        upperBound = step + 4 * step
    }

    /// Takes φ(`step`) and φ'(`step`); returns whether to evaluate the new `step` or stop.
    mutating func next(value f: Double, slope g: Double) -> Status {
        let valueTest = initialValue + step * slopeTest
        if stage == 1 && f <= valueTest && g >= 0 { stage = 2 }
        var status = Status.evaluate
        if bracketed && (step <= lowerBound || step >= upperBound) { status = .warning }
        if bracketed && upperBound - lowerBound <= xtol * upperBound { status = .warning }
        if step == maxStep && f <= valueTest && g <= slopeTest { status = .warning }
        if step == minStep && (f > valueTest || g >= slopeTest) { status = .warning }
        if f <= valueTest && abs(g) <= gtol * -initialSlope { status = .converged }
        if status != .evaluate { return status }

        if stage == 1 && f <= bestValue && f > valueTest {
            // A lower value without sufficient decrease: step on the modified function
            // ψ(t) = φ(t) − φ(0) − ftol·t·φ'(0).
            var x = (step: bestStep, value: bestValue - bestStep * slopeTest, slope: bestSlope - slopeTest)
            var y = (step: otherStep, value: otherValue - otherStep * slopeTest, slope: otherSlope - slopeTest)
            Self.safeguardedStep(best: &x, other: &y, step: &step, value: f - step * slopeTest, slope: g - slopeTest,
                                 bracketed: &bracketed, lower: lowerBound, upper: upperBound)
            bestStep = x.step; bestValue = x.value + x.step * slopeTest; bestSlope = x.slope + slopeTest
            otherStep = y.step; otherValue = y.value + y.step * slopeTest; otherSlope = y.slope + slopeTest
        } else {
            var x = (step: bestStep, value: bestValue, slope: bestSlope)
            var y = (step: otherStep, value: otherValue, slope: otherSlope)
            Self.safeguardedStep(best: &x, other: &y, step: &step, value: f, slope: g,
                                 bracketed: &bracketed, lower: lowerBound, upper: upperBound)
            (bestStep, bestValue, bestSlope) = x
            (otherStep, otherValue, otherSlope) = y
        }
        if bracketed {
            // Bisect when the interval did not shrink enough.
            if abs(otherStep - bestStep) >= 0.66 * previousWidth { step = bestStep + 0.5 * (otherStep - bestStep) }
            previousWidth = width
            width = abs(otherStep - bestStep)
            lowerBound = min(bestStep, otherStep)
            upperBound = max(bestStep, otherStep)
        } else {
            lowerBound = step + 1.1 * (step - bestStep)
            upperBound = step + 4 * (step - bestStep)
        }
        step = min(max(step, minStep), maxStep)
        // No further progress possible: fall back to the best step so far.
        if bracketed && (step <= lowerBound || step >= upperBound) || bracketed && upperBound - lowerBound <= xtol * upperBound {
            step = bestStep
        }
        return .evaluate
    }

    /// MINPACK-2 `dcstep`: updates the interval [best, other] with the trial point
    /// (`step`, `value`, `slope`) and replaces `step` by the next trial step.
    private static func safeguardedStep(best x: inout (step: Double, value: Double, slope: Double),
                                        other y: inout (step: Double, value: Double, slope: Double),
                                        step stp: inout Double, value fp: Double, slope dp: Double,
                                        bracketed: inout Bool, lower stpmin: Double, upper stpmax: Double) {
        let stx = x.step, fx = x.value, dx = x.slope
        let sty = y.step, fy = y.value, dy = y.slope
        let signsDiffer = (dp.sign != dx.sign) && dp != 0 && dx != 0
        var next: Double
        if fp > fx {
            // Higher value: the minimum is bracketed; cubic step, or halfway to the quadratic one.
            let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
            let s = max(abs(theta), abs(dx), abs(dp))
            var gamma = s * ((theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
            if stp < stx { gamma = -gamma }
            let p = (gamma - dx) + theta
            let q = ((gamma - dx) + gamma) + dp
            let cubic = stx + p / q * (stp - stx)
            let quadratic = stx + dx / ((fx - fp) / (stp - stx) + dx) / 2 * (stp - stx)
            next = abs(cubic - stx) <= abs(quadratic - stx) ? cubic : cubic + (quadratic - cubic) / 2
            bracketed = true
        } else if signsDiffer {
            // Derivatives of opposite sign: bracketed; the step farther from stp.
            let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
            let s = max(abs(theta), abs(dx), abs(dp))
            var gamma = s * ((theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
            if stp > stx { gamma = -gamma }
            let p = (gamma - dp) + theta
            let q = ((gamma - dp) + gamma) + dx
            let cubic = stp + p / q * (stx - stp)
            let secant = stp + dp / (dp - dx) * (stx - stp)
            next = abs(cubic - stp) > abs(secant - stp) ? cubic : secant
            bracketed = true
        } else if abs(dp) < abs(dx) {
            // Same sign, derivative decreasing in magnitude: extrapolate, safeguarded.
            let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
            let s = max(abs(theta), abs(dx), abs(dp))
            var gamma = s * max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
            if stp > stx { gamma = -gamma }
            let p = (gamma - dp) + theta
            let q = (gamma + (dx - dp)) + gamma
            let r = p / q
            let cubic: Double
            if r < 0 && gamma != 0 { cubic = stp + r * (stx - stp) } else if stp > stx { cubic = stpmax } else { cubic = stpmin }
            let secant = stp + dp / (dp - dx) * (stx - stp)
            if bracketed {
                next = abs(cubic - stp) < abs(secant - stp) ? cubic : secant
                next = stp > stx ? min(stp + 0.66 * (sty - stp), next) : max(stp + 0.66 * (sty - stp), next)
            } else {
                next = abs(cubic - stp) > abs(secant - stp) ? cubic : secant
                next = min(max(next, stpmin), stpmax)
            }
        } else if bracketed {
            // Same sign, derivative not decreasing: cubic step towards the other end.
            let theta = 3 * (fp - fy) / (sty - stp) + dy + dp
            let s = max(abs(theta), abs(dy), abs(dp))
            var gamma = s * ((theta / s) * (theta / s) - (dy / s) * (dp / s)).squareRoot()
            if stp > sty { gamma = -gamma }
            let p = (gamma - dp) + theta
            let q = ((gamma - dp) + gamma) + dy
            next = stp + p / q * (sty - stp)
        } else {
            next = stp > stx ? stpmax : stpmin
        }
        if fp > fx {
            y = (stp, fp, dp)
        } else {
            if signsDiffer { y = (stx, fx, dx) }
            x = (stp, fp, dp)
        }
        stp = next
    }
}
