/// Limited-memory BFGS (Nocedal & Wright, Numerical Optimization, Alg. 7.4–7.5)
/// with a backtracking Armijo line search, for smooth, strictly convex objectives
/// such as L2-penalised logistic regression. Fully deterministic.
struct LBFGS {
    /// Number of correction pairs kept.
    var memory = 10
    /// Converged when every gradient component is at most this in magnitude.
    var gradientTolerance = 1e-8
    var maxIterations = 2000

    struct Outcome {
        var x: [Double]
        var value: Double
        var iterations: Int
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
        var iterations = 0
        while iterations < maxIterations {
            if Self.maxAbs(gradient) <= gradientTolerance {
                return Outcome(x: x, value: value, iterations: iterations, converged: true)
            }
            // Two-loop recursion: direction = −H·gradient.
            var direction = gradient
            var alpha = [Double](repeating: 0, count: steps.count)
            for i in steps.indices.reversed() {
                alpha[i] = rho[i] * Self.dot(steps[i], direction)
                Self.axpy(-alpha[i], changes[i], &direction)
            }
            let scale = steps.isEmpty
                ? 1 / max(1, Self.dot(gradient, gradient).squareRoot())
                : Self.dot(steps[steps.count - 1], changes[changes.count - 1])
                    / Self.dot(changes[changes.count - 1], changes[changes.count - 1])
            for i in 0 ..< count { direction[i] *= scale }
            for i in steps.indices {
                let beta = rho[i] * Self.dot(changes[i], direction)
                Self.axpy(alpha[i] - beta, steps[i], &direction)
            }
            for i in 0 ..< count { direction[i] = -direction[i] }
            var slope = Self.dot(gradient, direction)
            if !(slope < 0) {
                // Lost descent (numerical trouble): restart from steepest descent.
                steps.removeAll(); changes.removeAll(); rho.removeAll()
                let s = 1 / max(1, Self.dot(gradient, gradient).squareRoot())
                for i in 0 ..< count { direction[i] = -s * gradient[i] }
                slope = Self.dot(gradient, direction)
            }
            var t = 1.0, trialValue = value, accepted = false
            for _ in 0 ..< 60 {
                for i in 0 ..< count { trial[i] = x[i] + t * direction[i] }
                trialValue = objective(trial, &trialGradient)
                if trialValue <= value + 1e-4 * t * slope { accepted = true; break }
                t *= 0.5
            }
            // No decrease is possible at machine precision: x is as good as it gets.
            guard accepted else { break }
            var step = trial, change = trialGradient
            Self.axpy(-1, x, &step)
            Self.axpy(-1, gradient, &change)
            let curvature = Self.dot(step, change)
            if curvature > 1e-14 * Self.dot(change, change) && curvature > 0 {
                steps.append(step); changes.append(change); rho.append(1 / curvature)
                if steps.count > memory { steps.removeFirst(); changes.removeFirst(); rho.removeFirst() }
            }
            swap(&x, &trial)
            swap(&gradient, &trialGradient)
            value = trialValue
            iterations += 1
        }
        return Outcome(x: x, value: value, iterations: iterations,
                       converged: Self.maxAbs(gradient) <= gradientTolerance)
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
