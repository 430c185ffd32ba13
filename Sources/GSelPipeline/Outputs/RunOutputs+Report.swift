import GSelCore
import GSelIO
import GSelReport

extension RunOutputs {
    /// Pearson correlations of the selected features over the training split (at most 50);
    /// a group is represented by the member whose effect ranking.tsv shows.
    func selectedCorrelation() -> ReportModel.CorrelationMatrix? {
        let chosen = Array(result.representatives.prefix(50))
        guard chosen.count >= 2 else { return nil }
        let columns = chosen.map { result.trainData.column($0).map(Double.init) }
        var values = [[Double]](repeating: [Double](repeating: 0, count: chosen.count), count: chosen.count)
        for a in chosen.indices {
            values[a][a] = 1
            for b in a + 1 ..< chosen.count {
                let r = Pearson.r(columns[a], columns[b])
                values[a][b] = r; values[b][a] = r
            }
        }
        return .init(names: result.entries.prefix(50).map { units.name($0.unit) }, values: values)
    }

    /// Everything report.html shows.
    func reportModel() -> ReportModel {
        let stability = !parameters.singleFit
        var spent = 0.0
        let ranking = result.entries.enumerated().map { i, e in
            var row = ReportModel.RankingRow(rank: i + 1, featureID: units.id(e.unit), featureName: units.name(e.unit) + (e.included ? " (included)" : ""),
                                   selectionFrequency: stability ? e.frequency : nil,
                                   fullFitFrequency: stability ? e.fullFrequency : nil, stable: stability ? e.stable : nil,
                                   meanSelectionOrder: e.meanSelectionOrder.isNaN ? nil : e.meanSelectionOrder,
                                   score: e.meanScore.isNaN ? nil : e.meanScore,
                                   effect: result.effects[i].numeric, variant: hasVariants ? features[e.unit].variant : nil,
                                   substitutes: e.members.map { (name: units.name($0.unit), share: $0.share) })
            if let costs = input.costs?.costs {
                spent += costs[e.unit]
                row.cost = costs[e.unit]
                row.cumulativeCost = Self.cleanSum(spent)
            }
            return row
        }
        let shown: [HeldOutMetric] = [.balancedAccuracy, .accuracy, .macroF1, .auroc, .r2]  // display order
        let curve = costCurve()
        let evaluation = result.evaluation.enumerated().map { i, r in
            var row = ReportModel.EvaluationRow(
                method: r.method, k: r.k,
                metrics: shown.compactMap { m in r.value(m).map { (name: m.displayName, value: $0) } },
                intervals: Dictionary(uniqueKeysWithValues: shown.compactMap { m in
                    r.interval(m).map { (m.displayName, $0.low ... $0.high) }
                }))
            row.cost = curve?[i].cost
            row.paretoFront = curve?[i].front ?? false
            return row
        }
        let picks = result.reference.picks
        let snapshots = result.reference.snapshots.enumerated().map { i, s in
            ReportModel.AttentionSnapshot(step: s.step, pickedFeatureName: i < picks.count ? units.name(picks[i].feature) : "",
                                          candidates: s.candidates.map { (name: units.name($0.feature), weight: $0.weight) })
        }
        let manhattan: [ReportModel.ManhattanPoint]? = hasVariants ? result.ranking.slots.compactMap { s in
            features[s.representative].variant.map { .init(chrom: $0.chrom, pos: $0.pos, frequency: s.frequency, name: features[s.representative].name) }
        } : nil
        var notes = input.matrix.notes + input.labelNotes + (input.covariates?.notes ?? [])
        if !input.included.isEmpty {
            let names = input.included.map { units.name($0) }
            notes.append("\(names.count) included feature\(names.count == 1 ? "" : "s") (--include) selected before the first pick of every fit, \(parameters.include?.extra == true ? "with k more picked after them" : "counted toward k"): \(MessageText.list(names))")
        }
        if let note = costNote() { notes.append(note) }
        if let reason = result.reference.stopReason { notes.append("\(parameters.method.rawValue) stopped early: \(reason)") }
        let method = parameters.method
        var model = ReportModel(
            title: "gsel: top \(run.rankedCount) of \(units.count) \(units.noun)",
            version: GSelVersion.number, commandLine: commandLine,
            inputPath: run.manifest.parameters.input.path,
            inputFormat: input.matrix.format, samples: input.rows.count, features: input.featureCount,
            task: input.task, classCounts: input.classCounts.map { (label: $0.name, count: $0.count) },
            covariates: input.covariates?.covariates.map { (name: $0.name, encoding: $0.encoding) } ?? [],
            parameters: run.manifest.parameters.fields.map { (name: $0.name, value: Self.displayValue($0.value)) },
            timings: timings, ranking: ranking,
            scoreTitle: method.scoreTitle(for: input.task),
            scoreExplanation: method.scoreDescription(for: input.task, covariates: input.covariates != nil),
            threshold: stability ? parameters.threshold : nil,
            errorBound: stability ? result.slots.expectedFalseSlotsBound : nil,
            stabilityNote: stableSetNote().map { $0 + " The bound on false discoveries is the " + Self.slotBoundAssumptions + "." },
            evaluation: evaluation, heldOutComparison: reportComparison(), confusion: reportConfusion(), attentionSnapshots: method == .sa ? snapshots : [],
            correlation: selectedCorrelation(), manhattan: manhattan, notes: notes)
        model.interactions = reportInteractions()
        if curve != nil {
            model.costMetric = HeldOutMetric.headline(classification: input.task == .classification).displayName
            model.budget = parameters.budget
        }
        return model
    }

    /// The interaction screen for the report: each accepted pair with the training samples
    /// (every s-th when there are more than 2,000) for its scatter plot.
    func reportInteractions() -> ReportModel.Interactions? {
        guard let screen = result.interactions else { return nil }
        let target = input.target.subset(run.train)
        let step = max(1, (result.trainData.sampleCount + 1999) / 2000)
        let pairs = screen.pairs.map { p in
            let a = result.trainData.column(p.first), b = result.trainData.column(p.second)
            let points = stride(from: 0, to: a.count, by: step).map { i -> (x: Double, y: Double, classIndex: Int?, value: Double?) in
                switch target {
                case .classes(let codes, _): return (Double(a[i]), Double(b[i]), Int(codes[i]), nil)
                case .values(let v): return (Double(a[i]), Double(b[i]), nil, Double(v[i]))
                }
            }
            return ReportModel.Interactions.Pair(firstName: units.name(p.first), secondName: units.name(p.second),
                                                 statistic: p.statistic, familyWiseP: p.familyWiseP,
                                                 listed: InteractionScreen.Result.listed(p, in: result.entries), points: points)
        }
        var model = ReportModel.Interactions(
            pairs: pairs, candidates: screen.candidates, samples: screen.samples, permutations: screen.permutations,
            level: InteractionScreen.level, threshold: screen.threshold.isFinite ? screen.threshold : nil,
            largestRejected: screen.largestRejected.map { (units.name($0.first), units.name($0.second), $0.statistic) },
            classNames: input.classCounts.map(\.name))
        model.unconfirmed = screen.unconfirmed
        return model
    }

    /// `heldOutComparison()` as the report's summary states it.
    func reportComparison() -> ReportModel.HeldOutComparison? {
        guard let c = heldOutComparison(), let value = c.method.value(c.metric), let baseline = c.baseline.value(c.metric) else { return nil }
        func range(_ i: MetricInterval?) -> ClosedRange<Double>? { i.map { $0.low ... $0.high } }
        return .init(method: c.method.method, baseline: c.baseline.method, k: c.method.k, metric: c.metric.displayName,
                     validationSamples: run.validation.count,
                     value: value, interval: range(c.method.interval(c.metric)),
                     baselineValue: baseline, baselineInterval: range(c.baseline.interval(c.metric)),
                     difference: c.difference, differenceInterval: c.interval.low ... c.interval.high,
                     accuracy: c.method.accuracy, accuracyInterval: range(c.method.accuracyInterval))
    }

    /// A JSON value as people read it: strings without quotes.
    static func displayValue(_ json: String) -> String {
        json.count >= 2 && json.hasPrefix("\"") && json.hasSuffix("\"") ? String(json.dropFirst().dropLast()) : json
    }
}
