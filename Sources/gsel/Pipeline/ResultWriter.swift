import Foundation
import GSelCore
import GSelIO
import GSelReport

/// Writes the outputs of a finished run into the output directory: ranking.tsv,
/// selection_path.tsv, evaluation.tsv, run.json and report.html, each atomically.
struct ResultWriter {
    let pipeline: SelectionPipeline
    let result: RunResult
    let outDir: String
    let timings: [(String, Double)]

    private var input: LoadedInput { pipeline.input }
    private var features: [FeatureInfo] { input.matrix.features }
    private var units: RankedUnits { pipeline.units }
    private var grouped: Bool { input.groups != nil }
    private var hasVariants: Bool { !grouped && features.first?.variant != nil }
    /// Columns naming a ranked unit: feature id and name, or group id and member count.
    private var unitColumns: [String] { grouped ? ["group_id", "n_members"] : ["feature_id", "feature_name"] }
    private func unitCells(_ u: Int) -> [TSVCell] {
        grouped ? [.text(units.id(u)), .int(units.members(u).count)] : [.text(features[u].id), .text(features[u].name)]
    }
    /// The effect column of entry `i`; for a group `member_id:effect` of its representative member.
    private func effectText(_ i: Int) -> String {
        grouped ? "\(features[result.representatives[i]].id):\(result.effects[i].text)" : result.effects[i].text
    }
    private var scoreColumn: String {
        switch pipeline.options.method {
        case .sa: return "attention_weight"
        case .omp: return "residual_correlation"
        case .marginal: return input.task == .classification ? "f_statistic" : "abs_correlation"
        }
    }

    func writeAll() throws {
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        try rankingTable().write(to: path("ranking.tsv"))
        try selectionPathTable().write(to: path("selection_path.tsv"))
        try evaluationTable().write(to: path("evaluation.tsv"))
        try ReportWriter.write(reportModel(), to: path("report.html"))
        try runJSON().write(to: path("run.json"))
    }

    private func path(_ name: String) -> String { (outDir as NSString).appendingPathComponent(name) }

    private var header: String { "gsel \(GSelVersion.number) \(pipeline.options.method.rawValue) k=\(pipeline.options.k) repeats=\(pipeline.options.repeats) seed=\(pipeline.options.seed)" }

    func rankingTable() -> TSVWriter {
        var cols = ["rank"] + unitColumns + ["selection_frequency", "stable", "mean_selection_order", scoreColumn, "effect"]
        if hasVariants { cols += ["chrom", "pos", "ref", "alt"] }
        var t = TSVWriter(columns: cols, comments: [header])
        for (i, e) in result.entries.enumerated() {
            var row: [TSVCell] = [.int(i + 1)] + unitCells(e.feature) + [
                .double(e.frequency), .bool(e.stable), .double(e.meanSelectionOrder.isNaN ? nil : e.meanSelectionOrder),
                .double(e.meanScore.isNaN ? nil : e.meanScore), .text(effectText(i))]
            if hasVariants, let v = features[e.feature].variant { row += [.text(v.chrom), .int(v.pos), .text(v.ref), .text(v.alt)] }
            t.append(row)
        }
        return t
    }

    func selectionPathTable() -> TSVWriter {
        var t = TSVWriter(columns: ["step"] + unitColumns + [scoreColumn, "train_loss"],
                          comments: [header, "the reference fit on the whole training split, in pick order"])
        for (i, p) in result.reference.picks.enumerated() {
            t.append([.int(i + 1)] + unitCells(p.feature) + [.double(p.score), .double(p.loss)])
        }
        return t
    }

    func evaluationTable() -> TSVWriter {
        var t = TSVWriter(columns: ["method", "k", "accuracy", "balanced_accuracy", "auroc", "r2"],
                          comments: [header, pipeline.validation.isEmpty ? "no validation split (--validation-fraction 0)"
                                        : "held-out: \(pipeline.validation.count) samples; model refit on the training split with the top k features"])
        for r in result.evaluation {
            t.append([.text(r.method), .int(r.k), .double(r.accuracy), .double(r.balancedAccuracy), .double(r.auroc), .double(r.r2)])
        }
        return t
    }

    /// Pearson correlations of the selected features over the training split (at most 50);
    /// a group is represented by the member whose effect ranking.tsv shows.
    func correlation() -> ReportModel.CorrelationMatrix? {
        let chosen = Array(result.representatives.prefix(50))
        guard chosen.count >= 2 else { return nil }
        let cols = chosen.map { result.trainData.column($0).map(Double.init) }
        let n = Double(result.trainData.sampleCount)
        let sd = cols.map { c in (c.reduce(0) { $0 + $1 * $1 } / n).squareRoot() }
        var values = [[Double]](repeating: [Double](repeating: 0, count: chosen.count), count: chosen.count)
        for a in chosen.indices {
            for b in a ..< chosen.count {
                var s = 0.0
                for i in cols[a].indices { s += cols[a][i] * cols[b][i] }
                let r = sd[a] > 0 && sd[b] > 0 ? s / n / (sd[a] * sd[b]) : 0
                values[a][b] = r; values[b][a] = r
            }
        }
        return .init(names: result.entries.prefix(50).map { units.name($0.feature) }, values: values)
    }

    func reportModel() -> ReportModel {
        let o = pipeline.options
        let stability = o.repeats > 0
        let ranking = result.entries.enumerated().map { i, e in
            ReportModel.RankingRow(rank: i + 1, featureID: units.id(e.feature), featureName: units.name(e.feature),
                                   selectionFrequency: stability ? e.frequency : nil, stable: stability ? e.stable : nil,
                                   meanSelectionOrder: e.meanSelectionOrder.isNaN ? nil : e.meanSelectionOrder,
                                   attentionWeight: e.meanScore.isNaN ? nil : e.meanScore,
                                   effect: result.effects[i].numeric, variant: hasVariants ? features[e.feature].variant : nil)
        }
        let evaluation = result.evaluation.map { r in
            ReportModel.EvaluationRow(method: r.method, k: r.k, metrics: [
                ("balanced accuracy", r.balancedAccuracy), ("accuracy", r.accuracy), ("AUROC", r.auroc), ("R²", r.r2),
            ].compactMap { name, v in v.map { (name: name, value: $0) } })
        }
        let picks = result.reference.picks
        let snapshots = result.reference.snapshots.enumerated().map { i, s in
            ReportModel.AttentionSnapshot(step: s.step, pickedFeatureName: i < picks.count ? units.name(picks[i].feature) : "",
                                          candidates: s.candidates.map { (name: units.name($0.feature), weight: $0.weight) })
        }
        let manhattan: [ReportModel.ManhattanPoint]? = hasVariants ? result.ranking.entries.compactMap { e in
            features[e.feature].variant.map { .init(chrom: $0.chrom, pos: $0.pos, frequency: e.frequency, name: features[e.feature].name) }
        } : nil
        var notes = input.matrix.notes + input.labelNotes
        if let reason = result.reference.stopReason { notes.append("\(o.method.rawValue) stopped early: \(reason)") }
        return ReportModel(
            title: "gsel: top \(o.k) of \(units.count) \(units.noun)",
            version: GSelVersion.number, commandLine: commandLine,
            inputPath: pipeline.manifest.inputArguments.value(of: "--input") ?? "",
            inputFormat: input.matrix.format, samples: input.rows.count, features: input.featureCount,
            task: input.task.rawValue, classCounts: input.classCounts.map { (label: $0.0, count: $0.1) },
            parameters: pipeline.manifest.parameters.map { (name: $0.0, value: $0.1) },
            timings: timings.map { (name: $0.0, seconds: $0.1) }, ranking: ranking,
            threshold: stability ? o.threshold : nil,
            errorBound: stability ? result.ranking.meinshausenBuhlmannBound : nil,
            evaluation: evaluation, attentionSnapshots: o.method == .sa ? snapshots : [],
            correlation: correlation(), manhattan: manhattan, notes: notes)
    }

    private var commandLine: String {
        CommandLine.arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
    }

    func runJSON() -> JSONValue {
        let o = pipeline.options
        let m = input.matrix
        var params: [(key: String, value: JSONValue)] = pipeline.manifest.parameters.map { (key: String($0.0.dropFirst(2)), value: .string($0.1)) }
        params.append((key: "threads", value: .int(o.resolvedThreads)))
        if o.method == .sa {
            let plan = o.saConfig.plan(samples: pipeline.train.count / (o.repeats > 0 ? 2 : 1), features: input.featureCount, k: pipeline.q)
            let planFields: [(key: String, value: JSONValue)] = [
                (key: "batch_size", value: .int(plan.batchSize)), (key: "epochs", value: .int(plan.epochs)),
                (key: "total_steps", value: .int(plan.totalSteps)), (key: "learning_rate", value: .number(Double(plan.learningRate))),
                (key: "logit_learning_rate", value: .number(Double(o.saConfig.logitLearningRate))),
                (key: "logit_optimizer", value: .string(plan.logitOptimizer.rawValue)),
                (key: "warmup_fraction", value: .number(o.saConfig.warmupFraction)),
                (key: "final_learning_rate_fraction", value: .number(Double(o.saConfig.finalLearningRateFraction))),
            ]
            params.append((key: "sa_plan_per_fit", value: .object(planFields)))
        }
        let counters: [(key: String, value: JSONValue)] = m.counters.keys.sorted().map { (key: $0, value: .int(m.counters[$0]!)) }
        let r = result.ranking
        let metrics: [JSONValue] = result.evaluation.map { e in
            .object([("method", JSONValue.string(e.method)), ("k", .int(e.k)), ("accuracy", JSONValue(e.accuracy)),
                     ("balanced_accuracy", JSONValue(e.balancedAccuracy)), ("auroc", JSONValue(e.auroc)), ("r2", JSONValue(e.r2))]
                .map { (key: $0.0, value: $0.1) })
        }
        let obj: [(String, JSONValue)] = [
            ("gsel_version", .string(GSelVersion.number)),
            ("hdf5_version", .string(GSelVersion.hdf5)),
            ("command_line", .string(commandLine)),
            ("seed", .string("\(o.seed)")),
            ("parameters", .object(params)),
            ("input", .object([
                ("path", JSONValue(pipeline.manifest.inputArguments.value(of: "--input"))),
                ("sha256", .string(input.inputSHA256)), ("format", .string(m.format)),
                ("samples", .int(m.sampleIDs.count)), ("features", .int(m.features.count)),
                ("store", .string("\(type(of: m.matrix))")), ("store_bytes", .int(m.matrix.storageBytes)),
                ("counters", .object(counters)),
            ].map { (key: $0.0, value: $0.1) })),
            ("labels", .object([
                ("source", .string(input.labelSource)), ("sha256", JSONValue(input.labelsSHA256)),
                ("task", .string(input.task.rawValue)), ("labelled_samples", .int(input.rows.count)),
                ("unlabelled_samples_dropped", .int(input.unlabelledDropped)),
                ("class_counts", .object(input.classCounts.map { (key: $0.0, value: .int($0.1)) })),
                ("training_samples", .int(pipeline.train.count)), ("validation_samples", .int(pipeline.validation.count)),
            ].map { (key: $0.0, value: $0.1) })),
            ("stability", .object([
                ("repeats", .int(o.repeats)), ("fits", .int(r.fitCount)), ("q", .int(r.q)), ("p", .int(r.featureCount)),
                ("threshold", .number(r.threshold)), ("stable_set_size", .int(r.stableCount)),
                ("expected_false_selections_bound", o.repeats > 0 ? .number(r.meinshausenBuhlmannBound) : .null),
                ("bound", .string("Meinshausen-Buhlmann 2010: E[V] <= q^2 / ((2*threshold - 1) * p)")),
            ].map { (key: $0.0, value: $0.1) })),
            ("groups", input.groups.map { g in
                .object([("source", JSONValue(pipeline.manifest.inputArguments.value(of: "--groups"))),
                         ("sha256", JSONValue(input.groupsSHA256)), ("groups", .int(g.count)),
                         ("grouped_features", .int(g.featureCount - g.ungroupedCount)),
                         ("ungrouped_features", .int(g.ungroupedCount))].map { (key: $0.0, value: $0.1) })
            } ?? .null),
            ("stop_reason", JSONValue(result.reference.stopReason)),
            ("metrics", .array(metrics)),
            ("timings_seconds", .object(timings.map { (key: $0.0, value: .number(($0.1 * 1000).rounded() / 1000)) })),
            ("outputs", .array(["ranking.tsv", "selection_path.tsv", "evaluation.tsv", "report.html", "run.json"].map { .string($0) })),
        ]
        return .object(obj.map { (key: $0.0, value: $0.1) })
    }
}

extension Array where Element == String {
    /// The value after option `key` in an argument list.
    func value(of key: String) -> String? {
        guard let i = firstIndex(of: key), i + 1 < count else { return nil }
        return self[i + 1]
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
