import GSelIO

/// Text form of one `FitRecord` (what `--out/fits/fit-<pair>-<a|b>.tsv` holds), so runs can
/// be resumed, scattered (`gsel repeat`) and gathered (`gsel aggregate`). Numbers are
/// written in shortest round-trip form, so a fit read back is bit-identical.
///
/// ```
/// # gsel fit
/// # fingerprint=<sha256 of the run manifest>
/// # pair=3
/// # half=a
/// kind	step	feature	feature_id	value	loss
/// pick	1	17	GENE17	0.1234	0.53
/// candidate	1	17	GENE17	0.1234	NA
/// ```
public enum FitFile {
    /// Renders `fit`; `featureIDs` label the rows for people reading the file.
    public static func render(_ fit: FitRecord, fingerprint: String, featureIDs: [String]) -> String {
        var s = "# gsel fit\n# fingerprint=\(fingerprint)\n# pair=\(fit.pair)\n# half=\(fit.half == 0 ? "a" : "b")\n"
        if let reason = fit.stopReason { s += "# stop_reason=\(reason.replacingOccurrences(of: "\n", with: " "))\n" }
        s += "kind\tstep\tfeature\tfeature_id\tvalue\tloss\n"
        for (i, p) in fit.picks.enumerated() {
            s += "pick\t\(i + 1)\t\(p.feature)\t\(featureIDs[p.feature])\t\(p.score)\t\(p.loss.map { "\($0)" } ?? "NA")\n"
        }
        for snap in fit.snapshots {
            for c in snap.candidates {
                s += "candidate\t\(snap.step)\t\(c.feature)\t\(featureIDs[c.feature])\t\(c.weight)\tNA\n"
            }
        }
        return s
    }

    /// Parses a fit file; checks the fingerprint against `expectedFingerprint` when given.
    public static func parse(_ text: String, path: String, featureCount: Int) throws -> (fit: FitRecord, fingerprint: String) {
        var fingerprint = "", pair: Int?, half: Int?, stop: String?
        var picks: [SelectionResult.Pick] = []
        var snaps: [Int: [(feature: Int, weight: Double)]] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
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
                case "half": half = value == "a" ? 0 : (value == "b" ? 1 : nil)
                case "stop_reason": stop = value
                default: break
                }
                continue
            }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if f.first == "kind" { continue }
            guard f.count == 6, let step = Int(f[1]), let feature = Int(f[2]), feature >= 0, feature < featureCount,
                  let value = Double(f[4]) else {
                throw InputError(file: path, location: loc, "malformed fit row; expected kind, step, feature index (< \(featureCount)), feature_id, value, loss")
            }
            switch f[0] {
            case "pick": picks.append(.init(feature: feature, score: value, loss: Double(f[5])))
            case "candidate": snaps[step, default: []].append((feature, value))
            default: throw InputError(file: path, location: loc, "unknown row kind '\(f[0])'; expected pick or candidate")
            }
        }
        guard let pair, let half, !fingerprint.isEmpty else {
            throw InputError(file: path, "not a gsel fit file: the '# fingerprint=', '# pair=' and '# half=' header lines are required")
        }
        let snapshots = snaps.keys.sorted().map { SelectionResult.AttentionSnapshot(step: $0, candidates: snaps[$0]!) }
        let fit = FitRecord(pair: pair, half: half,
                            result: SelectionResult(picks: picks, snapshots: snapshots, stopReason: stop))
        return (fit, fingerprint)
    }

    /// File name of a fit: `fit-<pair>-<a|b>.tsv` (pair 0, the reference fit, is `fit-0-a.tsv`).
    public static func fileName(pair: Int, half: Int) -> String {
        "fit-\(pair)-\(half == 0 ? "a" : "b").tsv"
    }
}
