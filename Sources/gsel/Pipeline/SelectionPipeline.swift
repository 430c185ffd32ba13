import Foundation
import GSelCore
import GSelIO

/// One selection run over a loaded input: the train/validation split, the stability
/// fits (pair 0 is the reference fit on the whole training split, pairs 1...B the
/// complementary halves), and the aggregation into the final ranking and evaluation.
/// `select`, `repeat` and `aggregate` all go through it, so a scattered run gives
/// the same bytes as a one-machine run.
struct SelectionPipeline {
    let input: LoadedInput
    let options: SelectionOptions
    let manifest: RunManifest
    /// What is ranked: features, or groups with `--groups`.
    let units: RankedUnits
    let log: Log
    /// Positions (into the labelled samples) of the training and validation splits.
    let train: [Int]
    let validation: [Int]

    /// Stream ids that keep the split independent of the fits' random streams.
    private static let splitStream: [UInt64] = [0x5B17]
    private static let halvesStream: UInt64 = 0x4A1F

    init(input: LoadedInput, options: SelectionOptions, manifest: RunManifest, log: Log) throws {
        let units = RankedUnits(features: input.matrix.features, groups: input.groups)
        let p = units.count
        if input.groups != nil && options.method == .omp {
            throw UsageError("--groups is not supported with --method omp; use --method sa or marginal")
        }
        guard options.k <= p else {
            throw UsageError("--k \(options.k) is larger than the number of \(units.noun) (\(p)) in \(input.matrix.format) input")
        }
        if let q = options.q, q > p { throw UsageError("--q \(q) is larger than the number of \(units.noun) (\(p))") }
        self.units = units
        self.input = input
        self.options = options
        self.manifest = manifest
        self.log = log
        if options.validationFraction > 0 {
            let s = try StratifiedSplit(target: input.target, validationFraction: options.validationFraction,
                                        seed: options.seed, stream: Self.splitStream)
            train = s.train
            validation = s.validation
        } else {
            train = Array(0 ..< input.rows.count)
            validation = []
        }
        try ClassCountCheck.require(input.target.subset(train))
        log.info("\(input.task.rawValue): \(input.rows.count) labelled samples (\(train.count) training, \(validation.count) validation)\(input.classCounts.isEmpty ? "" : "; classes " + input.classCounts.map { "\($0.0) \($0.1)" }.joined(separator: ", "))")
    }

    /// Loads the input as `input` says and prepares the run that `selection` describes.
    static func load(_ input: InputOptions, _ selection: SelectionOptions, log: Log) throws -> SelectionPipeline {
        let loaded = try LoadedInput.load(input, threads: selection.resolvedThreads, log: log)
        let manifest = RunManifest(loaded: loaded, input: input, selection: selection)
        return try SelectionPipeline(input: loaded, options: selection, manifest: manifest, log: log)
    }

    var q: Int { options.q ?? options.k }

    var selector: any FeatureSelector {
        switch options.method {
        case .sa: return SequentialAttention(config: options.saConfig, groups: input.groups)
        case .omp: return OrthogonalMatchingPursuit()
        case .marginal: return MarginalSelector(groups: input.groups)
        }
    }

    /// Every pair this run needs: the reference fit 0, then 1...B.
    var allPairs: [Int] { Array(0 ... options.repeats) }

    /// The fits of `pair`.
    func jobs(pair: Int) -> [StabilitySelection.Job] {
        if pair == 0 { return [.init(pair: 0, half: 0, samples: train)] }
        let halves = ComplementaryHalves(rows: train, target: input.target, seed: options.seed,
                                         stream: [UInt64(pair), Self.halvesStream])
        return [.init(pair: pair, half: 0, samples: halves.first), .init(pair: pair, half: 1, samples: halves.second)]
    }

    /// Runs the fits of `pairs` that `done` does not already hold, writing each to
    /// `fitDirectory` as it finishes; returns done + new fits, ordered.
    func runFits(pairs: [Int], done: [FitRecord], fitDirectory: FitDirectory?, threads: Int) throws -> [FitRecord] {
        let have = Set(done.map { FitFile.fileName(pair: $0.pair, half: $0.half) })
        let todo = pairs.flatMap(jobs(pair:)).filter { !have.contains(FitFile.fileName(pair: $0.pair, half: $0.half)) }
        if !done.isEmpty { log.info("resuming: \(done.count) fits already done, \(todo.count) to run") }
        let progress = Progress(total: todo.count, log: log)
        let ids = units.ids
        let manifest = self.manifest
        let runner = StabilitySelection(selector: selector, q: q, seed: options.seed, threads: threads)
        let fresh = try runner.run(jobs: todo, matrix: input.matrix.matrix, rows: input.rows, target: input.target) { fit in
            try fitDirectory?.write(fit, manifest: manifest, featureIDs: ids)
            progress.advance()
        }
        progress.finish()
        return (done + fresh).sorted { ($0.pair, $0.half) < ($1.pair, $1.half) }
    }

    /// Standardized training and validation splits (training statistics for both).
    func splits() -> (train: StandardizedData, validation: StandardizedData?) {
        let m = input.matrix.matrix
        let t = StandardizedData(matrix: m, rows: train.map { input.rows[$0] })
        let v = validation.isEmpty ? nil : StandardizedData(matrix: m, rows: validation.map { input.rows[$0] }, statisticsOf: t)
        return (t, v)
    }

    /// Aggregates all fits into the final result.
    func aggregate(_ fits: [FitRecord]) throws -> RunResult {
        let start = Date()
        let p = units.count, k = options.k
        guard let reference = fits.first(where: { $0.pair == 0 }) else {
            preconditionFailure("the reference fit is always run before aggregation")
        }
        let stabilityFits = options.repeats == 0 ? [reference] : fits.filter { $0.pair > 0 }
        let ranking = StabilityRanking(fits: stabilityFits, featureCount: p, q: q, threshold: options.threshold)
        let (trainData, validData) = splits()
        let trainTarget = input.target.subset(train)
        let marginalScores = try MarginalSelector.scores(trainData, target: trainTarget)
        let marginalOrder = MarginalSelector.ranking(
            input.groups.map { MarginalSelector.groupScores(marginalScores, groups: $0) } ?? marginalScores)
        var entries = ranking.top(k)
        if entries.count < k && !(options.repeats == 0 && reference.stopReason != nil) {
            // Fewer distinct features were ever picked than k: complete the list by the
            // marginal baseline, marked with frequency 0.
            let present = Set(entries.map(\.feature))
            for j in marginalOrder where !present.contains(j) && entries.count < k {
                entries.append(.init(feature: j, frequency: 0, stable: false, meanSelectionOrder: .nan, meanScore: .nan))
            }
        }
        if let reason = reference.stopReason { log.info("note: \(options.method.rawValue) stopped early: \(reason)") }
        // A group shows the effect of its member with the largest marginal statistic.
        let representatives = entries.map { e in
            units.members(e.feature).max { marginalScores[$0] < marginalScores[$1] } ?? e.feature
        }
        let effects = representatives.map { FeatureEffect.of(feature: $0, in: trainData, target: trainTarget) }
        var evaluation: [EvaluationRow] = []
        if let validData {
            evaluation = try HeldOutEvaluation.evaluate(
                train: trainData, trainTarget: trainTarget, validation: validData,
                validationTarget: input.target.subset(validation),
                groupedOrders: [(method: "gsel-\(options.method.rawValue)", groups: entries.map { units.members($0.feature) }),
                                (method: "marginal", groups: marginalOrder.prefix(k).map(units.members))],
                threads: options.resolvedThreads)
        }
        return RunResult(ranking: ranking, entries: entries, effects: effects, representatives: representatives,
                         reference: reference,
                         evaluation: evaluation, marginalScores: marginalScores, trainData: trainData,
                         aggregateSeconds: Date().timeIntervalSince(start))
    }
}

/// Everything the output writers need from a finished run.
struct RunResult {
    var ranking: StabilityRanking
    /// The k ranked features, best first.
    var entries: [StabilityRanking.Entry]
    /// Effect of each entry: of the feature, or of the group's representative member.
    var effects: [FeatureEffect]
    /// The feature whose effect is shown: the entry itself, or a group's member with the
    /// largest marginal statistic (F or |r|; for two classes the largest |Cohen's d|).
    var representatives: [Int]
    /// The fit on the whole training split (selection path, attention re-scoring view).
    var reference: FitRecord
    var evaluation: [EvaluationRow]
    var marginalScores: [Double]
    var trainData: StandardizedData
    var aggregateSeconds: Double
}
