/// Limited-memory BFGS for smooth unconstrained objectives such as L2-penalised
/// logistic regression, following SciPy's L-BFGS-B (Byrd, Lu, Nocedal & Zhu 1995;
/// the solver behind scikit-learn's lbfgs) on a problem without bounds: the same
/// quasi-Newton direction (here by the two-loop recursion, Nocedal & Wright Alg. 7.4),
/// the same Moré–Thuente line search (`MoreThuenteLineSearch`, first step `1/‖d‖`,
/// then 1), the same rule for skipping a correction pair, the same restart after a
/// failed line search, and the same stopping rules: every gradient component at most
/// `gradientTolerance`, a relative decrease `(f − f_new) / max(|f|, |f_new|, 1)` at most
/// `relativeReductionTolerance`, or `maxIterations` iterations. An objective and start
/// that SciPy is given therefore lead to the same iterates up to rounding, also when
/// the iteration cap stops both early. Fully deterministic.
struct LBFGS {
    /// Number of correction pairs kept (SciPy's `maxcor`).
    var memory = 10
    /// Converged when every gradient component is at most this in magnitude (`gtol`).
    var gradientTolerance = 1e-4
    /// Converged when an iteration's relative decrease is at most this (`ftol`;
    /// scikit-learn passes 64 machine epsilons).
    var relativeReductionTolerance = 64 * Double.ulpOfOne
    /// Iterations (accepted steps) at most (`maxiter`).
    var maxIterations = 100
    /// Objective evaluations in one line search at most (`maxls`; scikit-learn passes 50).
    var maxLineSearchSteps = 50

    struct Outcome {
        var x: [Double]
        var value: Double
        var iterations: Int
        /// Stopped on the gradient or relative-decrease test (not on the iteration cap
        /// or a failed line search).
        var converged: Bool
    }

    /// Minimises `objective(x, &gradient) -> value` from `start`.
    func minimize(from start: [Double], _ objective: ([Double], inout [Double]) -> Double) -> Outcome {
        let count = start.count
        var x = start
        var gradient = [Double](repeating: 0, count: count)
        var value = objective(x, &gradient)
        var steps: [[Double]] = [], changes: [[Double]] = [], rho: [Double] = []
        var trial = x, trialGradient = gradient
        var direction = [Double](repeating: 0, count: count)
        var iterations = 0
        if Self.maxAbs(gradient) <= gradientTolerance {
            return Outcome(x: x, value: value, iterations: 0, converged: true)
        }
        while iterations < maxIterations {
            Self.searchDirection(gradient: gradient, steps: steps, changes: changes, rho: rho, into: &direction)
            var slope = Self.dot(gradient, direction)
            var search = MoreThuenteLineSearch()
            var accepted = false, trialValue = value
            if slope < 0 {
                search.start(step: iterations == 0 ? min(1 / Self.dot(direction, direction).squareRoot(), search.maxStep) : 1,
                             value: value, slope: slope)
                // At most maxLineSearchSteps evaluations, as SciPy's maxls.
                for _ in 0 ..< maxLineSearchSteps {
                    let t = search.step
                    for i in 0 ..< count { trial[i] = x[i] + t * direction[i] }
                    trialValue = objective(trial, &trialGradient)
                    if search.next(value: trialValue, slope: Self.dot(trialGradient, direction)) != .evaluate {
                        accepted = trialValue.isFinite
                        break
                    }
                }
            }
            if !accepted {
                // Ascent direction or failed search: restart from steepest descent with an
                // empty memory (as L-BFGS-B), unless the memory was already empty.
                if steps.isEmpty { break }
                steps.removeAll(); changes.removeAll(); rho.removeAll()
                continue
            }
            // Correction pair s = x_new − x, y = g_new − g, skipped unless yᵀs > ε·(−gᵀs).
            var step = trial, change = trialGradient
            Self.axpy(-1, x, &step)
            Self.axpy(-1, gradient, &change)
            let curvature = Self.dot(step, change)
            slope = Self.dot(gradient, step)
            let previousValue = value
            swap(&x, &trial)
            swap(&gradient, &trialGradient)
            value = trialValue
            iterations += 1
            if Self.maxAbs(gradient) <= gradientTolerance {
                return Outcome(x: x, value: value, iterations: iterations, converged: true)
            }
            if previousValue - value <= relativeReductionTolerance * max(abs(previousValue), abs(value), 1) {
                return Outcome(x: x, value: value, iterations: iterations, converged: true)
            }
            if curvature > Double.ulpOfOne * -slope {
                steps.append(step); changes.append(change); rho.append(1 / curvature)
                if steps.count > memory { steps.removeFirst(); changes.removeFirst(); rho.removeFirst() }
            }
        }
        return Outcome(x: x, value: value, iterations: iterations, converged: false)
    }

    /// Two-loop recursion: `direction = −H·gradient` with the initial matrix scaled by
    /// sᵀy / yᵀy of the newest pair (L-BFGS-B's θ); `−gradient` when there is none.
    private static func searchDirection(gradient: [Double], steps: [[Double]], changes: [[Double]], rho: [Double],
                                        into direction: inout [Double]) {
        direction = gradient
        var alpha = [Double](repeating: 0, count: steps.count)
        for i in steps.indices.reversed() {
            alpha[i] = rho[i] * dot(steps[i], direction)
            axpy(-alpha[i], changes[i], &direction)
        }
        if let s = steps.last, let y = changes.last {
            let scale = dot(s, y) / dot(y, y)
            for i in direction.indices { direction[i] *= scale }
        }
        for i in steps.indices {
            let beta = rho[i] * dot(changes[i], direction)
            axpy(alpha[i] - beta, steps[i], &direction)
        }
        for i in direction.indices { direction[i] = -direction[i] }
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }

    /// `y += a·x`.
    private static func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
        for i in x.indices { y[i] += a * x[i] }
    }

    private static func maxAbs(_ a: [Double]) -> Double { a.reduce(0) { max($0, abs($1)) } }
}
