import GSelCore
import GSelIO

extension SelectionRun {
    /// The fits the run's consensus is built from, and where an adaptive run stopped.
    public struct StabilityFits: Sendable {
        /// The full-split fits and the halves of pairs 1…`pairs`, ordered.
        public var fits: [FitRecord]
        /// Complementary pairs used.
        public var pairs: Int
        /// The check that stopped an adaptive run; nil with a fixed `repeats`.
        public var stop: AdaptiveRepeats.Check?
    }

    /// The full-split fits and the pairs the run uses, starting from `fits` (finished fits read
    /// back from disk, in any pair range) and calling `obtain(missing, fitsSoFar)` for the fits of
    /// a stage that are not in hand: it returns `fitsSoFar` with them (`select` runs them,
    /// `aggregate` runs missing full-split fits and refuses missing pairs). A fixed `repeats`
    /// has one stage with every pair; `--repeats auto` has one stage per `AdaptiveRepeats`
    /// checkpoint, checked in pair order, so the answer does not depend on threads, resume
    /// or scatter.
    public func stabilityFits(from fits: [FitRecord],
                              obtain: ([FitID], [FitRecord]) throws -> [FitRecord]) throws -> StabilityFits {
        // `fits` with every fit of pairs 0...pairs (obtained where missing); the ones a stage uses.
        func completed(through pairs: Int, _ fits: [FitRecord]) throws -> [FitRecord] {
            let have = Set(fits.map(\.id))
            let missing = (0 ... pairs).flatMap(self.fits(ofPair:)).filter { !have.contains($0) }
            return missing.isEmpty ? fits : try obtain(missing, fits)
        }
        func window(_ pairs: Int, _ fits: [FitRecord]) -> [FitRecord] {
            fits.filter { $0.pair <= pairs }.sorted { $0.id < $1.id }
        }
        guard parameters.repeats == nil else {
            let pairs = parameters.maximumPairs
            return StabilityFits(fits: window(pairs, try completed(through: pairs, fits)), pairs: pairs, stop: nil)
        }
        let trainData = splits().train
        var fits = fits
        for pairs in AdaptiveRepeats.checkpoints(upTo: AdaptiveRepeats.maximumPairs) {
            fits = try completed(through: pairs, fits)
            let used = window(pairs, fits)
            let check = AdaptiveRepeats.check(consensus(used, trainData: trainData, slots: true),
                                              stabilityFits: families(used).stability, k: rankedCount)
            let swaps = "\(check.possibleSwaps) possible swap\(check.possibleSwaps == 1 ? "" : "s") in the top \(rankedCount), "
                + "\(check.uncertainStable) slot\(check.uncertainStable == 1 ? "" : "s") near the threshold"
            if check.settled || pairs >= AdaptiveRepeats.maximumPairs {
                log.info("adaptive repeats: stopped after \(pairs) pairs (\(swaps); \(check.settled ? "settled" : "the cap"))")
                return StabilityFits(fits: used, pairs: pairs, stop: check)
            }
            log.info("adaptive repeats: after \(pairs) pairs \(swaps); running \(AdaptiveRepeats.roundSize) more")
        }
        preconditionFailure("the last checkpoint is the cap")
    }
}

extension AdaptiveRepeats.Check {
    /// Why the run stopped, in words (run.json and the report).
    public var reason: String {
        settled ? "settled: at most \(tolerance) possible swap\(tolerance == 1 ? "" : "s") in the top k and \(thresholdTolerance) slot\(thresholdTolerance == 1 ? "" : "s") near the threshold"
            : "reached the cap of \(AdaptiveRepeats.maximumPairs) pairs with \(possibleSwaps) possible swaps in the top k and \(uncertainStable) slots near the threshold"
    }
}
