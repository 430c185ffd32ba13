/// When Sequential Attention trains what: a warm-up of `warmupSteps` with the full
/// input (mask 1), then `phaseCount` equal phases; at the last step of each phase
/// `picksPerPhase` features are selected from the trained logits.
public struct SelectionSchedule: Sendable, Equatable {
    public let totalSteps: Int
    public let warmupSteps: Int
    /// Last step (0-based, inclusive) of each phase.
    public let phaseEnds: [Int]
    /// Number of features picked at the end of each phase (the last may pick fewer to reach k).
    public let picksPerPhase: [Int]

    /// Splits `totalSteps` into warm-up and ceil(k / picksPerPhase) equal phases.
    /// Every phase gets at least one step.
    public init(totalSteps: Int, warmupFraction: Double, k: Int, picksPerPhase s: Int) {
        let phases = (k + s - 1) / s
        let warm = min(Int((warmupFraction * Double(totalSteps)).rounded()), max(0, totalSteps - phases))
        let steps = max(totalSteps, warm + phases)
        let rest = steps - warm
        var ends: [Int] = []
        var picks: [Int] = []
        for t in 0 ..< phases {
            // Phase t covers steps [warm + t*rest/phases, warm + (t+1)*rest/phases).
            ends.append(warm + (t + 1) * rest / phases - 1)
            picks.append(min(s, k - t * s))
        }
        self.totalSteps = steps
        self.warmupSteps = warm
        self.phaseEnds = ends
        self.picksPerPhase = picks
    }

    /// Index of the phase that ends at `step`, if any.
    public func phaseEnding(at step: Int) -> Int? {
        // Binary search over the sorted phase ends.
        var lo = 0, hi = phaseEnds.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if phaseEnds[mid] < step { lo = mid + 1 } else { hi = mid }
        }
        return lo < phaseEnds.count && phaseEnds[lo] == step ? lo : nil
    }

    public func isWarmup(_ step: Int) -> Bool { step < warmupSteps }
}
