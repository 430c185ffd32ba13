import Foundation
import GSelCore
import GSelReport

extension RunOutputs {
    /// Columns naming a ranked unit: feature id and name, or group id and member count.
    private var unitColumns: [String] { grouped ? ["group_id", "n_members"] : ["feature_id", "feature_name"] }

    private func unitCells(_ u: Int) -> [TSVCell] {
        grouped ? [.text(units.id(u)), .int(units.members(u).count)] : [.text(features[u].id), .text(features[u].name)]
    }

    /// The effect column of entry `i`; for a group `member_id:effect` of its representative member.
    private func effectText(_ i: Int) -> String {
        grouped ? "\(features[result.representatives[i]].id):\(result.effects[i].text)" : result.effects[i].text
    }

    /// The proxies column of entry `i`: `id:share,...` of its slot's members, the
    /// representative first (empty for a slot of one feature).
    private func proxiesText(_ i: Int) -> String {
        result.entries[i].members.map { "\(units.id($0.unit)):\(NumberText.significant($0.share, digits: 2) ?? "NA")" }
            .joined(separator: ",")
    }

    /// `cost` and `cumulative_cost` of `units` in order (`--costs`); none without costs. The
    /// running total is written to 12 significant digits (0.1 + 0.2 as 0.3).
    private func costCells(_ units: [Int]) -> [[TSVCell]] {
        guard let costs = input.costs?.costs else { return units.map { _ in [] } }
        var total = 0.0
        return units.map { j in
            total += costs[j]
            return [.double(costs[j]), .double(Self.cleanSum(total))]
        }
    }

    /// `value` to 12 significant digits: a sum of decimal costs without its rounding noise.
    static func cleanSum(_ value: Double) -> Double { Double(String(format: "%.12g", value)) ?? value }

    /// ranking.tsv: the k ranked units, best first; when the run screened for interactions a
    /// column `interacts_with` (the partners' ids; `InteractionScreen`); with `--include` a column `included`
    /// (true for the included features, which lead the list), with `--costs` the last two
    /// `cost` and `cumulative_cost` (never above `--budget`).
    func rankingTable() -> TSVWriter {
        let full = result.slots.fullFitCount > 0
        var columns = ["rank"] + unitColumns + ["selection_frequency"] + (full ? ["full_fit_frequency", "support"] : [])
            + ["stable", "mean_selection_order", scoreName, "effect"]
        if !grouped { columns.append("proxies") }  // groups are never merged into slots
        let paired = result.interactions != nil
        if paired { columns.append("interacts_with") }
        if hasVariants { columns += ["chrom", "pos", "ref", "alt"] }
        let marked = parameters.include != nil
        if marked { columns.append("included") }
        if input.costs != nil { columns += ["cost", "cumulative_cost"] }
        let costs = costCells(result.entries.map(\.unit))
        var t = TSVWriter(columns: columns)
        for (i, e) in result.entries.enumerated() {
            var row: [TSVCell] = [.int(i + 1)] + unitCells(e.unit) + [.double(e.frequency)]
                + (full ? [.double(e.fullFrequency ?? 0), .double(e.support)] : []) + [.bool(e.stable), .rounded(e.meanSelectionOrder.isNaN ? nil : e.meanSelectionOrder),
                .rounded(e.meanScore.isNaN ? nil : e.meanScore), .text(effectText(i))]
            if !grouped { row.append(.text(proxiesText(i))) }
            if paired { row.append(.text(e.interactsWith.map(units.id).joined(separator: ","))) }
            if hasVariants, let v = features[e.unit].variant { row += [.text(v.chrom), .int(v.pos), .text(v.ref), .text(v.alt)] }
            if marked { row.append(.bool(e.included)) }
            t.append(row + costs[i])
        }
        return t
    }

    /// selection_path.tsv: the reference fit on the whole training split, in pick order
    /// (with `--costs`, its `cost` and `cumulative_cost`).
    func selectionPathTable() -> TSVWriter {
        let picks = result.reference.picks
        var t = TSVWriter(columns: ["step"] + unitColumns + [scoreName, "train_loss"] + (input.costs != nil ? ["cost", "cumulative_cost"] : []))
        let costs = costCells(picks.map(\.feature))
        for (i, p) in picks.enumerated() {
            t.append([.int(i + 1)] + unitCells(p.feature) + [.rounded(p.score), .rounded(p.loss)] + costs[i])
        }
        return t
    }

    /// evaluation.tsv: held-out metrics of the refit models per method and k', each followed
    /// by its 95 % interval (`<metric>_low`, `<metric>_high`), all to 4 significant digits.
    /// With `--costs`, `cost` after k (what the k' features cost together) and a last column
    /// `pareto_front`: the row is on its method's cost–metric front (`costCurve`).
    func evaluationTable() -> TSVWriter {
        let curve = costCurve()
        var t = TSVWriter(columns: ["method", "k"] + (curve == nil ? [] : ["cost"]) + HeldOutMetric.allCases.flatMap { m in
            [m.rawValue, m.rawValue + "_low", m.rawValue + "_high"]
        } + (curve == nil ? [] : ["pareto_front"]))
        for (i, r) in result.evaluation.enumerated() {
            t.append([.text(r.method), .int(r.k)] + (curve.map { [.double($0[i].cost)] } ?? []) + HeldOutMetric.allCases.flatMap { m -> [TSVCell] in
                [.rounded(r.value(m)), .rounded(r.interval(m)?.low), .rounded(r.interval(m)?.high)]
            } + (curve.map { [.bool($0[i].front)] } ?? []))
        }
        return t
    }
}

extension FeatureEffect {
    /// `effect` as written in ranking.tsv: four significant digits, or the class name.
    var text: String {
        switch self {
        case .meanDifference(let d), .correlation(let d): return NumberText.significant(d, digits: 4) ?? "NA"
        case .highestClass(let c): return c
        }
    }

    /// Numeric effect for charts; nil for a class name.
    var numeric: Double? {
        switch self {
        case .meanDifference(let d), .correlation(let d): return d
        case .highestClass: return nil
        }
    }
}
