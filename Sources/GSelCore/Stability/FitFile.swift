import GSelIO

/// Text form of one `FitRecord` (what `--out/fits/fit-<pair>-<letter>.tsv` holds), so runs can
/// be resumed, scattered (`gsel repeat`) and gathered (`gsel aggregate`). Numbers are
/// written in shortest round-trip form, so a fit read back is bit-identical.
///
/// ```
/// # gsel fit
/// # fingerprint=<sha256 of the run manifest>
/// # pair=3
/// # half=a
/// # plan=batch_size=16;epochs=38;total_steps=1140;learning_rate=0.002;logit_optimizer=adam
/// # screened_to=5000
/// kind	step	feature	feature_id	value	loss
/// pick	1	17	GENE17	0.1234	0.53
/// candidate	1	17	GENE17	0.1234	NA
/// # sha256=<of every byte above this line>
/// ```
/// The last line is a checksum of the rest, so a file cut short or changed by hand is
/// refused; a file read back is checked like user input (ids against indices, finite
/// values, the number of picks).
/// Full-split fits are pair 0, halves a, b, … (0a is the reference fit); `# plan=` is written for Sequential Attention fits,
/// `# screened_to=` for fits that ran on the features a `WideDataScreen` kept.
public enum FitFile {
    /// Renders `fit`; `featureIDs` label the rows for people reading the file.
    public static func render(_ fit: FitRecord, fingerprint: String, featureIDs: [String]) -> String {
        var s = "# gsel fit\n# fingerprint=\(fingerprint)\n# pair=\(fit.id.pair)\n# half=\(fit.id.halfLetter)\n"
        if let reason = fit.stopReason { s += "# stop_reason=\(reason.replacingOccurrences(of: "\n", with: " "))\n" }
        if let plan = fit.plan { s += "# plan=\(render(plan))\n" }
        if let m = fit.screenedTo { s += "# screened_to=\(m)\n" }
        s += "kind\tstep\tfeature\tfeature_id\tvalue\tloss\n"
        for (i, p) in fit.picks.enumerated() {
            s += "pick\t\(i + 1)\t\(p.feature)\t\(featureIDs[p.feature])\t\(p.score)\t\(p.loss.map { "\($0)" } ?? "NA")\n"
        }
        for snap in fit.snapshots {
            for c in snap.candidates {
                s += "candidate\t\(snap.step)\t\(c.feature)\t\(featureIDs[c.feature])\t\(c.weight)\tNA\n"
            }
        }
        return s + "\(checksumPrefix)\(SHA256.hex(s))\n"
    }

    private static let checksumPrefix = "# sha256="

    /// Parses a fit file written for the ranked units `featureIDs` by a run whose fits pick
    /// `picks` units (fewer only when the file says the selector stopped early); returns the
    /// fit and the fingerprint it carries (the caller compares it with its run's). Throws an
    /// `InputError` naming the file (and line) when the checksum, an id, a value or the
    /// number of picks is off.
    public static func parse(_ text: String, path: String, featureIDs: [String], picks expected: Int) throws -> (fit: FitRecord, fingerprint: String) {
        let body = try verifiedBody(text, path: path)
        let featureCount = featureIDs.count
        var fingerprint = "", pair: Int?, half: Int?, stop: String?, plan: SequentialAttentionConfig.Plan?, screened: Int?
        var picks: [SelectionResult.Pick] = []
        var snaps: [Int: [(feature: Int, weight: Double)]] = [:]
        for (n, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.isEmpty { continue }
            let loc = "line \(n + 1)"
            if line.hasPrefix("# ") {
                let body = line.dropFirst(2)
                guard let eq = body.firstIndex(of: "=") else { continue }
                let key = body[..<eq], value = String(body[body.index(after: eq)...])
                switch key {
                case "fingerprint": fingerprint = value
                case "pair": pair = Int(value)
                case "half": half = FitID.half(letter: value)
                case "stop_reason": stop = value
                case "screened_to": screened = Int(value)
                case "plan":
                    guard let p = parsePlan(value) else {
                        throw InputError(file: path, location: loc, "malformed '# plan=' line; expected batch_size, epochs, total_steps, learning_rate and logit_optimizer")
                    }
                    plan = p
                default: break
                }
                continue
            }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if f.first == "kind" { continue }
            guard f.count == 6, let step = Int(f[1]), let feature = Int(f[2]), feature >= 0, feature < featureCount,
                  let value = Double(f[4]), value.isFinite else {
                throw InputError(file: path, location: loc, "malformed fit row; expected kind, step, feature index (< \(featureCount)), feature_id, a finite value, loss")
            }
            guard f[3] == featureIDs[feature] else {
                throw InputError(file: path, location: loc, "feature \(feature) is '\(featureIDs[feature])' in this run, but the fit names it '\(f[3])'")
            }
            switch f[0] {
            case "pick": picks.append(.init(feature: feature, score: value, loss: Double(f[5])))
            case "candidate": snaps[step, default: []].append((feature, value))
            default: throw InputError(file: path, location: loc, "unknown row kind '\(f[0])'; expected pick or candidate")
            }
        }
        guard let pair, let half, FitID.exists(pair: pair, half: half), !fingerprint.isEmpty else {
            throw InputError(file: path, "not a gsel fit file: the '# fingerprint=', '# pair=' and '# half=' header lines are required")
        }
        guard picks.count == expected || (stop != nil && picks.count < expected) else {
            throw InputError(file: path, "the fit has \(picks.count) picks; a fit of this run has \(expected)")
        }
        guard Set(picks.map(\.feature)).count == picks.count else {
            throw InputError(file: path, "the fit picks a feature twice")
        }
        let snapshots = snaps.keys.sorted().map { SelectionResult.AttentionSnapshot(step: $0, candidates: snaps[$0]!) }
        var result = SelectionResult(picks: picks, snapshots: snapshots, stopReason: stop, plan: plan)
        result.screenedTo = screened
        let fit = FitRecord(id: FitID(pair: pair, half: half), result: result)
        return (fit, fingerprint)
    }

    private static func render(_ plan: SequentialAttentionConfig.Plan) -> String {
        "batch_size=\(plan.batchSize);epochs=\(plan.epochs);total_steps=\(plan.totalSteps);learning_rate=\(plan.learningRate);logit_optimizer=\(plan.logitOptimizer.rawValue)"
    }

    private static func parsePlan(_ text: String) -> SequentialAttentionConfig.Plan? {
        var fields: [String: String] = [:]
        for part in text.split(separator: ";") {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { fields[String(kv[0])] = String(kv[1]) }
        }
        guard let batch = fields["batch_size"].flatMap({ Int($0) }), let epochs = fields["epochs"].flatMap({ Int($0) }),
              let steps = fields["total_steps"].flatMap({ Int($0) }), let lr = fields["learning_rate"].flatMap({ Float($0) }),
              let optimizer = fields["logit_optimizer"].flatMap(SequentialAttentionConfig.LogitOptimizer.init(rawValue:)),
              optimizer != .auto else { return nil }
        return .init(batchSize: batch, epochs: epochs, totalSteps: steps, learningRate: lr, logitOptimizer: optimizer)
    }

    /// The text above the checksum line, when the checksum matches it.
    private static func verifiedBody(_ text: String, path: String) throws -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last == "" { lines.removeLast() }
        guard let last = lines.last, last.hasPrefix(checksumPrefix) else {
            throw InputError(file: path, "the fit file is incomplete: its last line is not the '\(checksumPrefix)' checksum (cut short, or not written by this gsel)")
        }
        let body = lines.dropLast().map { $0 + "\n" }.joined()
        let stored = String(last.dropFirst(checksumPrefix.count))
        guard SHA256.hex(body) == stored else {
            throw InputError(file: path, "the fit file was changed after gsel wrote it: its content does not match its checksum (\(stored.prefix(12))…)")
        }
        return body
    }
}
