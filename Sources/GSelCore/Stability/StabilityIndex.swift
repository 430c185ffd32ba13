/// Nogueira, Sechidis & Brown (2018, JMLR 18(174), "On the stability of feature selection
/// algorithms"), the stability index that satisfies their five properties: 1 when every set
/// is the same, about 0 for sets drawn at random, negative below chance:
///
///     Φ = 1 − (1/p · Σ_f s_f²) / ((k̄/p)(1 − k̄/p)),   s_f² = M/(M−1) · π_f (1 − π_f)
///
/// over M selected sets in a universe of p, where π_f is the fraction of sets holding f
/// and k̄ the mean set size.
public enum StabilityIndex {
    /// Φ from how many of the `sets` sets hold each selected element (elements in no set may
    /// be left out); nil when it is undefined (fewer than 2 sets, or every set empty or full).
    public static func nogueira(selectionCounts: [Int], sets m: Int, universe p: Int) -> Double? {
        guard m >= 2, p >= 1 else { return nil }
        let total = selectionCounts.reduce(0, +)
        let meanSize = Double(total) / Double(m)
        let chance = (meanSize / Double(p)) * (1 - meanSize / Double(p))
        guard chance > 0 else { return nil }
        var variance = 0.0
        for c in selectionCounts {
            let f = Double(c) / Double(m)
            variance += Double(m) / Double(m - 1) * f * (1 - f)
        }
        return 1 - (variance / Double(p)) / chance
    }

    /// Φ of explicit sets of elements of `0 ..< p`.
    public static func nogueira(sets: [Set<Int>], universe p: Int) -> Double? {
        var counts: [Int: Int] = [:]
        for s in sets { for e in s { counts[e, default: 0] += 1 } }
        return nogueira(selectionCounts: counts.keys.sorted().map { counts[$0]! }, sets: sets.count, universe: p)
    }
}
