import Foundation
import GSelCore
import GSelIO

/// One selection run over a loaded input: the train/validation split, the stability fits
/// (the reference fit on the whole training split, and the complementary halves of pairs
/// 1...B) and their aggregation into the final ranking and evaluation. `select`, `repeat`
/// and `aggregate` all go through it, so a scattered run gives the same bytes as a
/// one-machine run.
public struct SelectionRun: Sendable {
    public let input: LoadedInput
    public let parameters: SelectionParameters
    public let manifest: RunManifest
    /// What is ranked: features, or groups.
    public let units: RankedUnits
    let log: RunLog
    /// Positions (into the labelled samples) of the training and validation splits.
    public let train: [Int]
    public let validation: [Int]
    /// Rows of the ranking: k, or |include| + k with `--include-extra`.
    public let rankedCount: Int
    /// Features each fit picks, included features first: q, or |include| + q with `--include-extra`.
    public let q: Int
    /// Feature costs and the budget (`--costs`, `--budget`); nil without costs.
    public let costs: CostBudget?

    /// Stream ids that keep the split independent of the fits' random streams.
    private static let splitStream: [UInt64] = [0x5B17]
    private static let halvesStream: UInt64 = 0x4A1F

    /// Prepares the run; throws when k or q exceed what can be picked, a class is too small
    /// to split, or the Sequential Attention network would not fit in memory.
    public init(input: LoadedInput, manifest: RunManifest, log: RunLog) throws {
        let parameters = manifest.parameters.selection
        let units = RankedUnits(features: input.matrix.features, groups: input.groups)
        let p = units.count
        let include = parameters.include
        let rankedCount = try include?.picks(parameters.k, included: input.included.count, parameter: "k") ?? parameters.k
        let q = try include?.picks(parameters.resolvedQ, included: input.included.count, parameter: "q") ?? parameters.resolvedQ
        let chunk = manifest.parameters.input.chunking.flatMap { c in c.index.map { " (chunk \($0) of \(c.count ?? 1); use fewer chunks)" } }
        let extra = rankedCount > parameters.k ? " with the \(input.included.count) included ones (--include-extra)" : ""
        try SelectionRequest.requirePickCount(rankedCount, parameter: "k", candidates: p, noun: units.noun, shown: "\(parameters.k)\(extra)",
                                              context: " in the \(input.matrix.format) input\(chunk ?? "")")
        try SelectionRequest.requirePickCount(q, parameter: "q", candidates: p, noun: units.noun)
        let costs = input.costBudget(parameters, method: parameters.method)
        if let costs, let budget = costs.budget, costs.cost(of: input.included) > budget * (1 + CostBudget.tolerance) {
            throw ParameterError("budget", "\(CostBudget.text(budget)) is less than what the included features cost (\(CostBudget.text(costs.cost(of: input.included)))); raise --budget or include fewer features")
        }
        self.costs = costs
        self.rankedCount = rankedCount
        self.q = q
        self.units = units
        self.input = input
        self.parameters = parameters
        self.manifest = manifest
        self.log = log
        if parameters.validationFraction > 0 {
            let s = try StratifiedSplit(target: input.target, validationFraction: parameters.validationFraction,
                                        seed: parameters.seed, stream: Self.splitStream)
            train = s.train
            validation = s.validation
        } else {
            train = Array(0 ..< input.rows.count)
            validation = []
        }
        try ClassCountCheck.require(input.target.subset(train), file: input.labelSource)
        try Self.requireVaryingTarget(input, train: train)
        try requireCovariateRoom()
        try checkNetworkMemory()
        let classes = input.classCounts.isEmpty ? "" : "; classes " + input.classCounts.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
        let covariates = input.covariates.map { "; \($0.covariates.count) covariates (\($0.columnCount) model columns) in every fit" } ?? ""
        log.info("\(input.task.rawValue): \(input.rows.count) labelled samples (\(train.count) training, \(validation.count) validation)\(classes)\(covariates)")
    }

    var selector: any FeatureSelector {
        parameters.method.selector(config: parameters.sequentialAttention, groups: input.groups, included: input.included,
                                   costs: costs)
    }

    /// The fits of `pair` in this run (pair 0: the full-split fits).
    public func fits(ofPair pair: Int) -> [FitID] { FitID.fits(ofPair: pair, fullFits: parameters.resolvedFullFits) }

    /// The job of fit `id`: its samples (positions into the labelled samples).
    func job(_ id: FitID) -> StabilitySelection.Job {
        if id.isFullSplit { return .init(fit: id, samples: train) }
        let halves = ComplementaryHalves(rows: train, target: input.target, seed: parameters.seed,
                                         stream: [UInt64(id.pair), Self.halvesStream])
        return .init(fit: id, samples: id.half == 0 ? halves.first : halves.second)
    }

    /// Runs the fits in `fits` that `done` does not already hold, writing each to
    /// `fitDirectory` as it finishes; returns done + new fits, ordered.
    public func runFits(_ fits: [FitID], done: [FitRecord], fitDirectory: FitDirectory?, threads: Int) throws -> [FitRecord] {
        let have = Set(done.map(\.id))
        let todo = fits.filter { !have.contains($0) }.map(job)
        let ids = units.ids, manifest = self.manifest, log = self.log
        let counter = Counter()
        let runner = StabilitySelection(selector: selector, q: q, seed: parameters.seed, threads: threads)
        let fresh = try runner.run(jobs: todo, matrix: input.selectionMatrix, rows: input.rows, target: input.target) { fit in
            try fitDirectory?.write(fit, manifest: manifest, featureIDs: ids)
            log.fitsDone(counter.increment(), of: todo.count)
        }
        return (done + fresh).sorted { $0.id < $1.id }
    }

    /// Standardized training and validation splits (training statistics for both), with
    /// the covariate columns when there are covariates.
    public func splits() -> (train: StandardizedData, validation: StandardizedData?) {
        let m = input.selectionMatrix
        let t = StandardizedData(matrix: m, rows: train.map { input.rows[$0] })
        let v = validation.isEmpty ? nil : StandardizedData(matrix: m, rows: validation.map { input.rows[$0] }, statisticsOf: t)
        return (t, v)
    }
}

/// Finished fits counted under the stability run's lock.
private final class Counter: @unchecked Sendable {
    private var value = 0
    func increment() -> Int { value += 1; return value }
}
