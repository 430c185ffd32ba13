#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a pick weighs what a candidate adds against what it costs (`--cost-rule`;
/// measured in docs/costs-and-budget.md).
public enum CostRule: String, Sendable, Codable, CaseIterable {
    /// `near` for Sequential Attention, `safeguard` for OMP and the marginal statistic.
    case auto
    /// The cheapest affordable candidate among those whose gain is within `CostBudget.nearShare`
    /// of the best: cost decides between near-equal candidates only. For gains that rank but
    /// are not on an additive scale (attention weights).
    case near
    /// Budgeted greedy with the best-single safeguard (Khuller, Moss & Naor 1999), at every
    /// pick: the first item of the better of two packings of the remaining budget, the
    /// gain-per-cost packing and the best single affordable candidate. For additive gains
    /// (OMP's share of the residual, the marginal statistic).
    case safeguard
    /// The largest gain per unit cost among the affordable candidates.
    case ratio
    /// The largest score among the affordable candidates: costs only bound the budget.
    case gain

    /// The rule a selector of `method` uses: `auto` resolved, others as they are.
    public func resolved(for method: SelectionMethod) -> CostRule {
        guard self == .auto else { return self }
        return method == .sa ? .near : .safeguard
    }
}

/// Feature costs and an optional budget (`--costs`, `--budget`): which candidates a selector
/// can still afford and which one it picks next (docs/costs-and-budget.md).
///
/// A selector hands `pick` two numbers per candidate: its *score* (attention weight, OMP's
/// correlation with the residual, the marginal statistic: what it would pick by without
/// costs) and its *gain*, the evidence above what features of no use score (≥ 0: attention
/// above the uniform share; OMP's and the marginal statistic above what the best of p noise
/// features reaches by chance, `chanceLevel`). Gains are compared with costs; scores break
/// ties, so a run whose gains are all 0 (no evidence) picks as the method would without
/// costs instead of the cheapest feature. Affordable: cost ≤ budget − spent (to a relative
/// 1e-9, for decimal costs). Deterministic: remaining ties go to the lower index.
public struct CostBudget: Sendable, Equatable {
    /// Cost of each candidate unit (> 0).
    public var costs: [Double]
    /// Most total cost of a selection; nil = no bound (costs still weigh the picks).
    public var budget: Double?
    public var rule: CostRule

    /// `rule` must be resolved (not `auto`; `CostRule.resolved(for:)`).
    public init(costs: [Double], budget: Double? = nil, rule: CostRule = .safeguard) {
        precondition(rule != .auto, "resolve the cost rule for the method first")
        self.costs = costs
        self.budget = budget
        self.rule = rule
    }

    /// Rounding slack of the budget check, relative to the budget.
    public static let tolerance = 1e-9
    /// `near`: candidates whose gain is at least this share of the best gain compete on
    /// cost. 0.9 and 0.75 gave the same held-out quality on planted data, 0.9 the better on
    /// pbmc68k (0.630 against 0.558); 0.65 let a cheap weak feature displace a strong dear
    /// one (docs/costs-and-budget.md).
    public static let nearShare = 0.9

    /// What the largest of `candidates` null statistics reaches by chance, in χ² units:
    /// 2 ln p (at least 1), the floor OMP's and the marginal statistic's gains start above.
    public static func chanceLevel(candidates: Int) -> Double {
        max(1, 2 * log(Double(max(candidates, 1))))
    }

    /// The same costs for the candidates `kept` (a screened fit's columns), in that order.
    public func restricted(to kept: [Int]) -> CostBudget {
        CostBudget(costs: kept.map { costs[$0] }, budget: budget, rule: rule)
    }

    /// Total cost of `units`, summed in their order.
    public func cost(of units: [Int]) -> Double { units.reduce(0) { $0 + costs[$1] } }

    /// Whether `j` still fits after `spent`.
    public func fits(_ j: Int, spent: Double) -> Bool {
        guard let budget else { return true }
        return spent + costs[j] <= budget * (1 + Self.tolerance)
    }

    /// The next pick among the candidates `available` marks (nil marks all), or nil when
    /// none is affordable. `gains` and `scores` are indexed by candidate.
    public func pick(gains: [Double], scores: [Double], available: [Bool]? = nil, spent: Double) -> Int? {
        var affordable: [Int] = []
        for j in gains.indices where (available?[j] ?? true) && fits(j, spent: spent) { affordable.append(j) }
        guard let first = affordable.first else { return nil }
        func byScore(_ a: Int, _ b: Int) -> Bool { scores[a] != scores[b] ? scores[a] > scores[b] : a < b }
        func byRatio(_ a: Int, _ b: Int) -> Bool {
            let ra = gains[a] / costs[a], rb = gains[b] / costs[b]
            return ra != rb ? ra > rb : byScore(a, b)
        }
        func best(_ before: (Int, Int) -> Bool) -> Int { affordable.reduce(first) { before($1, $0) ? $1 : $0 } }
        switch rule {
        case .auto: preconditionFailure("resolved in init")
        case .gain: return best(byScore)
        case .ratio: return best(byRatio)
        case .near:
            let top = affordable.reduce(0.0) { max($0, gains[$1]) }
            guard top > 0 else { return best(byScore) }
            let near = affordable.filter { gains[$0] >= Self.nearShare * top }
            return near.reduce(near[0]) { a, b in costs[b] != costs[a] ? (costs[b] < costs[a] ? b : a) : (byScore(b, a) ? b : a) }
        case .safeguard:
            let single = best { a, b in gains[a] != gains[b] ? gains[a] > gains[b] : (costs[a] != costs[b] ? costs[a] < costs[b] : byScore(a, b)) }
            guard let budget else { return best(byRatio) }
            // The gain-per-cost packing of what is left, skipping what no longer fits.
            let order = affordable.sorted(by: byRatio)
            var room = budget * (1 + Self.tolerance) - spent, packed = 0.0
            for j in order where costs[j] <= room {
                room -= costs[j]
                packed += gains[j]
            }
            return gains[single] > packed ? single : order[0]
        }
    }

    /// `count` picks (or fewer, when nothing more is affordable) by fixed `gains` and
    /// `scores`, after `first` (picked already, in order): the rule applied pick by pick.
    public func order(gains: [Double], scores: [Double], count: Int, first: [Int] = []) -> [Int] {
        var available = [Bool](repeating: true, count: gains.count)
        var picks = first, spent = cost(of: first)
        for j in first { available[j] = false }
        while picks.count < count, let j = pick(gains: gains, scores: scores, available: available, spent: spent) {
            picks.append(j)
            available[j] = false
            spent += costs[j]
        }
        return picks
    }

    /// Why a selection stopped at `picked` units costing `spent`: the budget is spent.
    public func stopReason(picked: Int, spent: Double) -> String {
        "the budget is spent after \(picked) features (cost \(Self.text(spent)) of \(budget.map(Self.text) ?? "no bound"); no other feature fits the \(Self.text(max(0, (budget ?? 0) - spent))) left)"
    }

    /// A cost as people read it (rounded to 6 decimals).
    public static func text(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }
}
