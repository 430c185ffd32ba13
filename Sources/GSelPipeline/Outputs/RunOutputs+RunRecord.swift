import GSelCore
import GSelIO
import GSelReport

extension RunOutputs {
    /// run.json: version, command, the run parameters as `RunParameters` encodes them (what
    /// `aggregate` and `--resume` read back), the training plan the fits ran with, input and
    /// label provenance, stability summary, metrics and timings.
    func runRecord() throws -> JSONValue {
        let manifest = run.manifest
        let m = input.matrix
        let r = result.ranking, slots = result.slots
        let planned: JSONValue = try result.plan.map { try JSONValue(encoding: $0, with: RunParameters.encoder()) } ?? .null
        func object(_ pairs: [(String, JSONValue)]) -> JSONValue { .object(pairs.map { (key: $0.0, value: $0.1) }) }
        // Each metric followed by its 95 % interval, as the columns of evaluation.tsv (and with
        // costs, the cost of the k' features and the Pareto flag).
        let curve = costCurve()
        let metrics: [JSONValue] = result.evaluation.enumerated().map { i, e in
            var fields: [(String, JSONValue)] = [("method", .string(e.method)), ("k", .int(e.k))]
            if let curve { fields.append(("cost", .number(curve[i].cost))) }
            for m in HeldOutMetric.allCases {
                fields += [(m.rawValue, JSONValue(e.value(m))), (m.rawValue + "_low", JSONValue(e.interval(m)?.low)),
                           (m.rawValue + "_high", JSONValue(e.interval(m)?.high))]
            }
            if let curve { fields.append(("pareto_front", .bool(curve[i].front))) }
            return object(fields)
        }
        return object([
            ("gsel_version", .string(GSelVersion.number)),
            ("hdf5_version", .string(GSelVersion.hdf5)),
            ("command_line", .string(commandLine)),
            ("seed", .string("\(parameters.seed)")),
            ("parameters", try JSONValue(encoding: manifest.parameters, with: RunParameters.encoder())),
            ("threads", .int(threads)),
            ("training_plan_per_fit", planned),
            ("screened_to_features", JSONValue(result.screenedTo)),
            ("input", object([
                ("path", .string(manifest.parameters.input.path)),
                ("sha256", .string(input.sources.input.sha256)), ("format", .string(m.format)),
                ("samples", .int(m.sampleIDs.count)), ("features", .int(m.features.count)),
                ("features_after_qc", .int(input.inputFeatureCount)),
                ("store", .string("\(type(of: m.matrix))")), ("store_bytes", .int(m.matrix.storageBytes)),
                ("counters", object(m.counters.keys.sorted().map { ($0, .int(m.counters[$0]!)) })),
            ])),
            ("labels", object([
                ("source", .string(input.labelSource)), ("sha256", JSONValue(input.sources.labels?.sha256)),
                ("task", .string(input.task.rawValue)), ("labelled_samples", .int(input.rows.count)),
                ("unlabelled_samples_dropped", .int(input.unlabelledDropped)),
                ("class_counts", object(input.classCounts.map { ($0.name, .int($0.count)) })),
                ("training_samples", .int(run.train.count)), ("validation_samples", .int(run.validation.count)),
            ])),
            ("include", parameters.include.map { include in object([
                ("path", .string(include.file)), ("sha256", JSONValue(input.sources.include?.sha256)),
                ("extra", .bool(include.extra)), ("ranked", .int(run.rankedCount)),
                ("features", .array(input.included.map { .string(units.id($0)) })),
            ]) } ?? .null),
            ("costs", costRecord()),
            ("stability", object([
                ("repeats", parameters.repeats.map(JSONValue.int) ?? .string("auto")), ("pairs", .int(r.fitCount / 2)),
                ("adaptive", adaptiveRecord()), ("fits", .int(r.fitCount)), ("full_split_fits", .int(r.fullFitCount)),
                ("ranked_by", .string(Self.rankingRule)), ("q", .int(r.q)), ("p", .int(r.featureCount)),
                ("threshold", .number(r.threshold)), ("unit", .string("slot")),
                ("substitute_min_abs_correlation", .number(slots.minimumCorrelation)),
                ("slots", .int(slots.slotUniverse)), ("mean_slots_per_fit", .number(slots.meanSlotsPerFit)),
                ("largest_slot_size", .int(slots.largestSlotSize)),
                ("stable_set_size", .int(slots.stableCount)),
                ("expected_false_selections_bound", !parameters.singleFit ? .number(slots.expectedFalseSlotsBound) : .null),
                ("bound", .string(Self.slotBoundAssumptions)),
                ("stable_set_note", JSONValue(stableSetNote())),
                ("stability_index_features", !parameters.singleFit ? JSONValue(r.stabilityIndex) : .null),
                ("stability_index_slots", !parameters.singleFit ? JSONValue(slots.stabilityIndex) : .null),
                ("stability_index", .string("Nogueira, Sechidis & Brown 2018 over the 2B fits' sets (1 = identical sets, 0 = chance)")),
            ])),
            ("groups", input.groups.map { g in
                object([("source", JSONValue(manifest.parameters.input.groups)),
                        ("sha256", JSONValue(input.sources.groups?.sha256)), ("groups", .int(g.count)),
                        ("grouped_features", .int(g.featureCount - g.ungroupedCount)),
                        ("ungrouped_features", .int(g.ungroupedCount))])
            } ?? .null),
            ("covariates", input.covariates.map { c in
                object([("source", .string(c.source)), ("sha256", JSONValue(input.sources.covariates?.sha256)),
                        ("samples_without_row_dropped", .int(c.samplesNotInCovariates)),
                        ("samples_with_missing_value_dropped", .int(c.samplesWithMissingCovariate)),
                        ("model_columns", .int(c.columnCount)),
                        ("covariates", .array(c.covariates.map { v in
                            object([("name", .string(v.name)), ("type", .string(v.kind.rawValue)),
                                    ("encoding", .string(v.encoding)), ("reference", JSONValue(v.reference)),
                                    ("levels", .array(v.levels.map { .string($0) })),
                                    ("columns", .array(v.columns.map { .string($0) }))])
                        }))])
            } ?? .null),
            ("interactions", interactionRecord()),
            ("stop_reason", JSONValue(result.reference.stopReason)),
            ("metrics", .array(metrics)),
            ("per_class", perClassRecord()),
            ("metric_intervals", object([
                ("level", .number(MetricInterval.level)), ("accuracy", .string("Wilson score interval")),
                ("others", .string("percentile bootstrap of the validation predictions, stratified by class, \(HeldOutBootstrap.resamples) resamples; the models are not refitted")),
            ])),
            ("held_out_comparison", heldOutComparison().map { c in
                object([("method", .string(c.method.method)), ("baseline", .string(c.baseline.method)), ("k", .int(c.method.k)),
                        ("metric", .string(c.metric.rawValue)), ("validation_samples", .int(run.validation.count)),
                        ("difference", .number(c.difference)), ("difference_low", .number(c.interval.low)),
                        ("difference_high", .number(c.interval.high)), ("separated", .bool(!c.interval.contains(0)))])
            } ?? .null),
            ("timings_seconds", object((timings + (result.interactionSeconds.map { [("interaction screen (in aggregation)", $0)] } ?? []))
                .map { ($0.name, .number(($0.seconds * 1000).rounded() / 1000)) })),
            ("outputs", .array(outputNames.map { .string($0) })),
        ])
    }

    /// The interaction screen (`InteractionScreen`): what it scored, its permutation threshold
    /// and the pairs it accepted; null when the run did not screen.
    func interactionRecord() -> JSONValue {
        guard let screen = result.interactions else { return .null }
        func pair(_ p: InteractionScreen.Pair) -> JSONValue {
            .object([(key: "first", value: .string(units.id(p.first))), (key: "second", value: .string(units.id(p.second))),
                     (key: "statistic", value: .number(p.statistic)), (key: "family_wise_p", value: .number(p.familyWiseP)),
                     (key: "class", value: JSONValue(p.output.map { input.classCounts[$0].name })),
                     (key: "listed", value: .bool(InteractionScreen.Result.listed(p, in: result.entries)))])
        }
        let fields: [(String, JSONValue)] = [
            ("candidates", .int(screen.candidates)), ("samples", .int(screen.samples)), ("pairs_tested", .int(screen.pairsTested)),
            ("permutations", .int(screen.permutations)), ("null_maxima", .array(screen.nullMaxima.map { .number($0) })),
            ("level", .number(InteractionScreen.level)), ("threshold", JSONValue(screen.threshold.isFinite ? screen.threshold : nil)),
            ("maximum_pairs", .int(InteractionScreen.maximumPairs(k: run.rankedCount))),
            ("pairs", .array(screen.pairs.map(pair))), ("largest_rejected", screen.largestRejected.map(pair) ?? .null),
            ("unconfirmed_pairs", .int(screen.unconfirmed)),
            ("rule", .string(Self.interactionRule)),
        ]
        return .object(fields.map { (key: $0.0, value: $0.1) })
    }

    static let interactionRule = "T = sum r z_i z_j / sqrt(sum r^2 z_i^2 z_j^2) over pairs of candidate features on the residual r of the ranked features' refit "
        + "(per class for more than two classes); a pair passes when |T| exceeds the level quantile of a Gumbel distribution fitted to the "
        + "permuted tables' largest |T| (and all of them), and still exceeds it with both members' linear and squared terms in the refit; "
        + "each accepted pair's product joins the refit before the next; "
        + "pair members not in the list take the places of its lowest rows that are neither stable nor included; a pair without such places is not listed (docs/interactions.md)"

    /// Where an adaptive run stopped and by which rule (`AdaptiveRepeats`); null with a fixed count.
    func adaptiveRecord() -> JSONValue {
        guard let stop = result.stop else { return .null }
        let fields: [(String, JSONValue)] = [
            ("pairs", .int(stop.pairs)), ("settled", .bool(stop.settled)), ("reason", .string(stop.reason)),
            ("possible_swaps_in_top_k", .int(stop.possibleSwaps)), ("slots_near_threshold", .int(stop.uncertainStable)),
            ("tolerance_swaps", .int(stop.tolerance)), ("tolerance_near_threshold", .int(stop.thresholdTolerance)),
            ("rule", .string("checkpoints every \(AdaptiveRepeats.roundSize) pairs from \(AdaptiveRepeats.minimumPairs) to \(AdaptiveRepeats.maximumPairs); "
                + "a slot's interval is its support +- \(AdaptiveRepeats.z) standard errors from the spread of its per-pair counts; "
                + "stop when at most floor(k/20) top-k slots could swap with slots outside and at most max(1, floor(k/20)) slots' intervals hold the threshold")),
        ]
        return .object(fields.map { (key: $0.0, value: $0.1) })
    }
}
