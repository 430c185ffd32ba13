import GSelCore
import GSelIO
import XCTest
import _TestSupport

/// Feature costs and a budget in the engine (issue 22, docs/costs-and-budget.md): the pick
/// rules on numbers checked by hand, then Sequential Attention, OMP and the marginal
/// statistic on planted data: a budget is never exceeded, a cheap near-copy wins over its
/// dear original, and a strong dear driver over weak cheap ones.
final class CostBudgetTests: XCTestCase {
    // MARK: The rules

    /// Candidate 0: strong and dear; 1-3: weaker and cheap; 4: nothing (gain 0).
    let gains = [0.8, 0.25, 0.2, 0.15, 0]
    let scores = [0.9, 0.35, 0.3, 0.25, 0.1]
    let costs = [6.0, 1, 1, 1, 1]

    func testEachRuleOnOneBudget() {
        func first(_ rule: CostRule, budget: Double?) -> Int? {
            CostBudget(costs: costs, budget: budget, rule: rule).pick(gains: gains, scores: scores, spent: 0)
        }
        // Gain per cost: 0.8/6 < 0.25/1.
        XCTAssertEqual(first(.ratio, budget: 6), 1)
        XCTAssertEqual(first(.gain, budget: 6), 0)
        // Safeguard: the ratio packing of 6 buys 1, 2, 3, 4 (gain 0.6) < 0.8 of candidate 0 alone.
        XCTAssertEqual(first(.safeguard, budget: 6), 0)
        // With room for both the packing holds 0 too, so the ratio order leads.
        XCTAssertEqual(first(.safeguard, budget: 9), 1)
        XCTAssertEqual(first(.safeguard, budget: nil), 1, "without a budget the safeguard is the ratio rule")
        // Near: only 0 has at least 90 % of the best gain.
        XCTAssertEqual(first(.near, budget: 6), 0)
        // Unaffordable candidates are never picked.
        XCTAssertEqual(first(.gain, budget: 5), 1)
        XCTAssertNil(first(.ratio, budget: 0.5))
    }

    func testNearPicksTheCheapestOfNearEqualCandidates() {
        let budget = CostBudget(costs: [5, 1, 1], budget: 10, rule: .near)
        XCTAssertEqual(budget.pick(gains: [0.4, 0.37, 0.1], scores: [0.5, 0.47, 0.2], spent: 0), 1, "0.37 ≥ 0.9·0.4")
        XCTAssertEqual(budget.pick(gains: [0.4, 0.35, 0.1], scores: [0.5, 0.45, 0.2], spent: 0), 0, "0.35 < 0.9·0.4")
    }

    /// Without evidence (all gains 0) every rule picks as the method would: by score, not the cheapest.
    func testNoEvidenceFallsBackToTheScore() {
        for rule: CostRule in [.near, .safeguard, .ratio, .gain] {
            let budget = CostBudget(costs: [3, 1, 2], budget: 10, rule: rule)
            XCTAssertEqual(budget.pick(gains: [0, 0, 0], scores: [0.2, 0.1, 0.3], spent: 0), 2, "\(rule)")
        }
    }

    func testOrderStopsAtTheBudgetAndDecimalCostsSumWithoutRounding() {
        let budget = CostBudget(costs: [0.1, 0.2, 0.3, 0.05], budget: 0.3, rule: .ratio)
        let order = budget.order(gains: [1, 1, 1, 1], scores: [1, 1, 1, 1], count: 4)
        XCTAssertEqual(order, [3, 0], "0.05 + 0.1, then nothing else fits the 0.15 left")
        XCTAssertEqual(CostBudget(costs: [0.1, 0.2], budget: 0.3, rule: .gain).order(gains: [1, 1], scores: [2, 1], count: 2),
                       [0, 1], "0.1 + 0.2 fits a budget of 0.3")
        XCTAssertEqual(budget.order(gains: [1, 1, 1, 1], scores: [1, 1, 1, 1], count: 4, first: [2]), [2], "included features spend first")
        XCTAssertEqual(CostRule.auto.resolved(for: .sa), .near)
        XCTAssertEqual(CostRule.auto.resolved(for: .omp), .safeguard)
        XCTAssertEqual(CostRule.ratio.resolved(for: .sa), .ratio)
    }

    // MARK: The selectors on planted data

    private func standardized(_ planted: PlantedCosts) -> (StandardizedData, Target) {
        (StandardizedData(matrix: planted.matrix, rows: Array(0 ..< planted.samples)),
         Target.classes(codes: planted.labels, names: ["control", "case"]))
    }

    private func selectors(_ costs: [Double], budget: Double) -> [any FeatureSelector] {
        SelectionMethod.allCases.map { m in
            m.selector(config: .init(), groups: nil, costs: CostBudget(costs: costs, budget: budget, rule: CostRule.auto.resolved(for: m)))
        }
    }

    /// Four drivers; the strongest costs 3 and has a near-copy costing 1; budget 4. The copy is
    /// the buy (it leaves room for the other three); the budget holds for every method.
    func testTheCheapNearCopyWinsOverItsDearOriginal() throws {
        for seed: UInt64 in 1 ... 3 {
            let planted = PlantedCosts(weights: [1, 0.9, 0.8, 0.7], copyOf: 0, seed: seed)
            let (data, target) = standardized(planted)
            let (original, copy) = (planted.drivers[0], planted.copy!)
            var costs = [Double](repeating: 1, count: planted.features)
            costs[original] = 3
            for selector in selectors(costs, budget: 4) {
                let r = try selector.select(data, target: target, k: 8, seed: seed, stream: [])
                let spent = r.features.reduce(0) { $0 + costs[$1] }
                XCTAssertLessThanOrEqual(spent, 4, "\(selector.name) seed \(seed): \(r.features)")
                XCTAssertTrue(r.features.contains(copy), "\(selector.name) seed \(seed): the cheap copy is missing: \(r.features)")
                XCTAssertFalse(r.features.contains(original), "\(selector.name) seed \(seed): the dear original was bought: \(r.features)")
                XCTAssertEqual(Set(r.features).intersection(planted.drivers.dropFirst()).count, 3, "\(selector.name) seed \(seed): \(r.features)")
                XCTAssertNotNil(r.stopReason, "\(selector.name): the budget, not k, ended the fit")
            }
        }
    }

    /// One strong driver costing 6 and four weak ones costing 1, budget 6: the strong one alone
    /// predicts better than the weak four, and every method buys it first.
    func testAStrongDearDriverWinsOverWeakCheapOnes() throws {
        for seed: UInt64 in 1 ... 3 {
            let planted = PlantedCosts(weights: [2, 0.5, 0.5, 0.5, 0.5], seed: seed)
            let (data, target) = standardized(planted)
            var costs = [Double](repeating: 1, count: planted.features)
            costs[planted.drivers[0]] = 6
            for selector in selectors(costs, budget: 6) {
                let r = try selector.select(data, target: target, k: 8, seed: seed, stream: [])
                XCTAssertEqual(r.features, [planted.drivers[0]], "\(selector.name) seed \(seed)")
            }
        }
    }

    /// Included features spend the budget first; a fit on a budget they exhaust picks nothing more.
    func testIncludedFeaturesSpendFirst() throws {
        let planted = PlantedCosts(weights: [1, 0.9, 0.8], seed: 4)
        let (data, target) = standardized(planted)
        var costs = [Double](repeating: 1, count: planted.features)
        costs[planted.drivers[2]] = 2
        let sa = SequentialAttention(included: [planted.drivers[2]], costs: CostBudget(costs: costs, budget: 3, rule: .near))
        let r = try sa.select(data, target: target, k: 5, seed: 4, stream: [])
        XCTAssertEqual(r.features.first, planted.drivers[2])
        XCTAssertEqual(r.features.count, 2, "2 + 1 of 3: \(r.features)")
        XCTAssertTrue(planted.drivers.prefix(2).contains(r.features[1]), "\(r.features)")
        let full = SequentialAttention(included: [planted.drivers[2]], costs: CostBudget(costs: costs, budget: 2, rule: .near))
        let only = try full.select(data, target: target, k: 5, seed: 4, stream: [])
        XCTAssertEqual(only.features, [planted.drivers[2]])
        XCTAssertNotNil(only.stopReason)
        XCTAssertThrowsError(try SequentialAttention(included: [planted.drivers[2]], costs: CostBudget(costs: costs, budget: 1))
            .select(data, target: target, k: 5, seed: 4, stream: [])) { error in
            XCTAssertEqual((error as? ParameterError)?.parameter, "budget")
        }
    }

    // MARK: The consensus

    private func fit(_ pair: Int, _ half: Int, _ features: [Int]) -> FitRecord {
        FitRecord(id: FitID(pair: pair, half: half), result: SelectionResult(picks: features.map { .init(feature: $0, score: 1) }))
    }

    /// The ranked rows stay within the budget: a slot whose representative no longer fits is
    /// represented by its cheapest member that does, and skipped when none does.
    func testConsensusRowsStayWithinTheBudget() {
        // 0 and 1 substitutes (0 picked more); 2, 3 and 4 singletons.
        let fits = [fit(1, 0, [0, 2, 3]), fit(1, 1, [0, 2, 4]), fit(2, 0, [1, 2, 3]), fit(2, 1, [0, 2, 3])]
        let graph = SubstituteGraph(minimumCorrelation: 0.9, correlations: [(0, 1, 0.97)])
        let slots = ConsensusRanking(stabilityFits: fits, graph: graph, featureCount: 6, q: 3, threshold: 0.6)
        XCTAssertEqual(slots.slots.map(\.representative), [0, 2, 3, 4])
        let costs = CostBudget(costs: [2, 1, 3, 1, 1, 1], budget: 4, rule: .near)
        let rows = slots.entries(k: 5, fill: [5], costs: costs)
        // 0 (2) fits, then 2 (3) does not, 3 (1) does, 4 (1) does: 4; the fill 5 no longer fits.
        XCTAssertEqual(rows.map(\.unit), [0, 3, 4])
        XCTAssertLessThanOrEqual(costs.cost(of: rows.map(\.unit)), 4)
        let tight = slots.entries(k: 5, costs: CostBudget(costs: [5, 1, 1, 5, 1, 1], budget: 3, rule: .near))
        XCTAssertEqual(tight.map(\.unit), [1, 2, 4], "1 stands in for its slot's dear representative 0")
        XCTAssertEqual(tight[0].members.map(\.unit), [1, 0], "the unit leads its slot's members")
        XCTAssertEqual(slots.entries(k: 5), slots.entries(k: 5, costs: nil), "without costs nothing changes")
    }
}
