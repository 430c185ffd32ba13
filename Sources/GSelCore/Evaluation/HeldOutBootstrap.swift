/// Percentile-bootstrap 95 % intervals of held-out metrics: the validation samples are
/// resampled with replacement (`resamples` times, stratified by class for classification
/// so every class stays present) and the metric is recomputed on the refit model's
/// predictions; the model is not refitted. Each interval's random stream is derived from
/// a constant seed and the method name and k' (`SeededGenerator` streams), so the result
/// does not depend on the thread count or on which other rows were evaluated.
public enum HeldOutBootstrap {
    /// Resamples per interval (B).
    public static let resamples = 1000

    /// Seed of every bootstrap stream (a constant: a run's `--seed` already fixes its split).
    static let seed: UInt64 = 0x6873_6f75_745f_6369  // "hsout_ci"

    /// Percentile intervals of `metrics` on `predictions` (nil where a metric is undefined),
    /// from one stream for (`method`, `k`): all metrics see the same resamples.
    public static func intervals(of predictions: HeldOutPredictions, metrics: [HeldOutMetric],
                                 method: String, k: Int) -> [HeldOutMetric: MetricInterval] {
        let scorer = BootstrapScorer(predictions)
        var g = SeededGenerator(seed: seed, stream: [streamID(method), UInt64(truncatingIfNeeded: k)])
        var replicates = [HeldOutMetric: [Double]]()
        for _ in 0 ..< resamples {
            let weights = scorer.draw(using: &g)
            for m in metrics { replicates[m, default: []].append(scorer.score(m, weights) ?? .nan) }
        }
        return replicates.compactMapValues(Metrics.percentileInterval)
    }

    /// Paired bootstrap of `metric(a) − metric(b)` for two refits scored on the same
    /// validation samples: both are scored on the same resamples. Returns the observed
    /// difference and its percentile interval; nil when either lacks predictions, the
    /// validation truths differ, or the metric is undefined.
    public static func difference(_ a: EvaluationRow, _ b: EvaluationRow,
                                  metric: HeldOutMetric) -> (difference: Double, interval: MetricInterval)? {
        guard let pa = a.predictions, let pb = b.predictions, pa.hasSameTruth(as: pb),
              let va = a.value(metric), let vb = b.value(metric) else { return nil }
        let sa = BootstrapScorer(pa), sb = BootstrapScorer(pb)
        var g = SeededGenerator(seed: seed, stream: [streamID(a.method), streamID(b.method), UInt64(truncatingIfNeeded: a.k),
                                                     UInt64(truncatingIfNeeded: b.k)])
        var replicates: [Double] = []
        replicates.reserveCapacity(resamples)
        for _ in 0 ..< resamples {
            let weights = sa.draw(using: &g)
            guard let x = sa.score(metric, weights), let y = sb.score(metric, weights) else { continue }
            replicates.append(x - y)
        }
        return Metrics.percentileInterval(replicates).map { (difference: va - vb, interval: $0) }
    }

    /// A stream id for a method name: FNV-1a of its UTF-8 bytes (stable across runs and platforms).
    static func streamID(_ name: String) -> UInt64 {
        name.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}
