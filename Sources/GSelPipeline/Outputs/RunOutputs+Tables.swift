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

    /// ranking.tsv: the k ranked units, best first; with `--include` a last column `included`
    /// (true for the included features, which lead the list).
    func rankingTable() -> TSVWriter {
        let full = result.slots.fullFitCount > 0
        var columns = ["rank"] + unitColumns + ["selection_frequency"] + (full ? ["full_fit_frequency", "support"] : [])
            + ["stable", "mean_selection_order", scoreName, "effect"]
        if !grouped { columns.append("proxies") }  // groups are never merged into slots
        if hasVariants { columns += ["chrom", "pos", "ref", "alt"] }
        let marked = parameters.include != nil
        if marked { columns.append("included") }
        var t = TSVWriter(columns: columns)
        for (i, e) in result.entries.enumerated() {
            var row: [TSVCell] = [.int(i + 1)] + unitCells(e.unit) + [.double(e.frequency)]
                + (full ? [.double(e.fullFrequency ?? 0), .double(e.support)] : []) + [.bool(e.stable), .rounded(e.meanSelectionOrder.isNaN ? nil : e.meanSelectionOrder),
                .rounded(e.meanScore.isNaN ? nil : e.meanScore), .text(effectText(i))]
            if !grouped { row.append(.text(proxiesText(i))) }
            if hasVariants, let v = features[e.unit].variant { row += [.text(v.chrom), .int(v.pos), .text(v.ref), .text(v.alt)] }
            if marked { row.append(.bool(e.included)) }
            t.append(row)
        }
        return t
    }

    /// selection_path.tsv: the reference fit on the whole training split, in pick order.
    func selectionPathTable() -> TSVWriter {
        var t = TSVWriter(columns: ["step"] + unitColumns + [scoreName, "train_loss"])
        for (i, p) in result.reference.picks.enumerated() {
            t.append([.int(i + 1)] + unitCells(p.feature) + [.rounded(p.score), .rounded(p.loss)])
        }
        return t
    }

    /// evaluation.tsv: held-out metrics of the refit models per method and k', each followed
    /// by its 95 % interval (`<metric>_low`, `<metric>_high`), all to 4 significant digits.
    func evaluationTable() -> TSVWriter {
        var t = TSVWriter(columns: ["method", "k"] + HeldOutMetric.allCases.flatMap { m in
            [m.rawValue, m.rawValue + "_low", m.rawValue + "_high"]
        })
        for r in result.evaluation {
            t.append([.text(r.method), .int(r.k)] + HeldOutMetric.allCases.flatMap { m -> [TSVCell] in
                [.rounded(r.value(m)), .rounded(r.interval(m)?.low), .rounded(r.interval(m)?.high)]
            })
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
