/// Run summary: a plain-language lead, key figures, input, classes, parameters, timings.
enum SummarySection {
    static func make(_ model: ReportModel) -> ReportSection {
        var html = "<p class=\"lead\">\(lead(model))</p>"
        if let verdict = heldOutVerdict(model) { html += "<p class=\"lead\">\(verdict)</p>" }
        if let classes = weakestClasses(model) { html += "<p class=\"lead\">\(classes)</p>" }
        html += "<div class=\"tiles\">" + tiles(model).map { value, label in
            "<div class=\"tile\"><div class=\"value\">\(Markup.escape(value))</div><div class=\"label\">\(Markup.escape(label))</div></div>"
        }.joined() + "</div>"

        html += "<div class=\"grid2\"><div><h3>Input</h3>"
        html += HTMLTable.keyValue([
            ("File", "<span class=\"mono\">\(Markup.escape(model.inputPath))</span>"),
            ("Format", Markup.escape(model.inputFormat)),
            ("Samples × features", "\(DisplayFormat.integer(model.samples)) × \(DisplayFormat.integer(model.features))"),
            ("Task", model.task.rawValue),
            ("Version", Markup.escape(model.version)),
        ])
        if !model.classCounts.isEmpty {
            let total = model.classCounts.reduce(0) { $0 + $1.count }
            var table = HTMLTable(columns: [.init("Class"), .init("Samples", numeric: true), .init("Share", numeric: true)])
            table.rows = model.classCounts.map { c in
                [Markup.escape(c.label), DisplayFormat.integer(c.count),
                 total > 0 ? DisplayFormat.fixed(100 * Double(c.count) / Double(total), 1) + " %" : "–"]
            }
            html += "<h3>Classes</h3>" + table.render()
        }
        if !model.covariates.isEmpty {
            var table = HTMLTable(columns: [.init("Covariate"), .init("Encoding")])
            table.rows = model.covariates.map { ["<span class=\"mono\">\(Markup.escape($0.name))</span>", Markup.escape($0.encoding)] }
            html += "<h3>Covariates (in every fit, never ranked)</h3>" + table.render()
        }
        html += "</div><div>"
        if !model.parameters.isEmpty {
            html += "<h3>Parameters</h3>" + HTMLTable.keyValue(model.parameters.map { ($0.name, "<span class=\"mono\">\(Markup.escape($0.value))</span>") })
        }
        if !model.timings.isEmpty {
            var table = HTMLTable(columns: [.init("Stage"), .init("Time", numeric: true)])
            table.rows = model.timings.map { [Markup.escape($0.name), DisplayFormat.duration($0.seconds)] }
            table.rows.append(["<strong>total</strong>", "<strong>\(DisplayFormat.duration(model.timings.reduce(0) { $0 + $1.seconds }))</strong>"])
            html += "<h3>Timings</h3>" + table.render()
        }
        html += "</div></div>"
        html += "<h3>Command</h3><pre class=\"cmd\"><code>\(Markup.escape(model.commandLine))</code></pre>"
        let missing = omissions(model)
        if !missing.isEmpty {
            html += "<p class=\"note-line\">Not in this report: " + missing.map(Markup.escape).joined(separator: " ") + "</p>"
        }
        return ReportSection(id: "summary", heading: "Run summary", content: html)
    }

    /// One or two sentences a biologist can read without knowing the method.
    static func lead(_ model: ReportModel) -> String {
        let what = model.task == .regression ? "predict the measured trait" : "tell the classes apart"
        var text = "gsel ranked \(DisplayFormat.integer(model.ranking.count)) of the \(DisplayFormat.integer(model.features)) features "
            + "in <span class=\"mono\">\(Markup.escape(HTMLReport.fileName(model.inputPath)))</span> "
            + "(\(DisplayFormat.integer(model.samples)) samples) by how well, taken together, they \(what)"
            + (model.covariates.isEmpty ? "." : " beyond the covariates (\(model.covariates.map { Markup.escape($0.name) }.joined(separator: ", "))), which every fit included.")
        if let stable = model.stableCount, let threshold = model.threshold {
            text += " \(stable) of them were chosen in at least \(DisplayFormat.fixed(threshold * 100, 0)) % of the repeated fits on random halves of the samples (the stable set)"
            if let bound = model.errorBound {
                text += "; on average at most \(DisplayFormat.significant(bound, 2)) of the stable features are expected to be false discoveries (Meinshausen–Bühlmann bound)"
            }
            text += "."
        }
        if let note = model.stabilityNote { text += " " + Markup.escape(note) }
        return text
    }

    /// Whether the held-out samples tell gsel's top k from the baseline's, in plain words:
    /// they do when the 95 % interval of the paired-bootstrap difference excludes 0.
    static func heldOutVerdict(_ model: ReportModel) -> String? {
        guard let c = model.heldOutComparison else { return nil }
        let samples = "\(DisplayFormat.integer(c.validationSamples)) sample\(c.validationSamples == 1 ? "" : "s")"
        let values = "\(Markup.escape(c.metric)) \(DisplayFormat.withInterval(c.value, c.interval)) for <em>\(Markup.escape(c.method))</em>, "
            + "\(DisplayFormat.withInterval(c.baselineValue, c.baselineInterval)) for <em>\(Markup.escape(c.baseline))</em>, "
            + "and the 95 % interval of their difference, \(DisplayFormat.range(c.differenceInterval, digits: 2)) (paired bootstrap), "
        guard !c.separated else {
            let leader = c.difference > 0 ? "gsel's top \(c.k) scores higher than the baseline's" : "the baseline's top \(c.k) scores higher than gsel's"
            return "On the held-out set (\(samples)), \(leader): \(values)excludes 0."
        }
        var text = "The held-out set (\(samples)) is too small to tell gsel's top \(c.k) from the baseline's: \(values)includes 0."
        if let accuracy = c.accuracy, let interval = c.accuracyInterval {
            let correct = Int((accuracy * Double(c.validationSamples)).rounded())
            text += correct == c.validationSamples
                ? " Even \(correct) of \(correct) correct is consistent with an accuracy as low as \(DisplayFormat.fixed(interval.lowerBound, 2)) (Wilson 95 % CI \(DisplayFormat.range(interval, digits: 2)))."
                : " <em>\(Markup.escape(c.method))</em>'s \(correct) of \(c.validationSamples) correct gives an accuracy 95 % CI of \(DisplayFormat.range(interval, digits: 2)) (Wilson)."
        }
        return text
    }

    /// The classes the panel separates worst: the lowest held-out recall of gsel's top k
    /// (up to 3, and fewer than all classes), or that it recalled every class fully.
    static func weakestClasses(_ model: ReportModel) -> String? {
        guard let c = model.confusion, c.classes.count >= 2 else { return nil }
        let panel = "<em>\(Markup.escape(c.method))</em>'s top \(c.k)"
        let worst = c.worst(min(3, c.classes.count - 1))
        guard let first = worst.first else { return nil }
        if first.recall >= 1 { return "Per class, \(panel) recalled every held-out sample of every class (see the confusion matrix)." }
        let named = worst.filter { $0.recall < 1 }.map { w in
            "<em>\(Markup.escape(w.name))</em> (recall \(DisplayFormat.fixed(w.recall, 2)), \(w.correct) of \(w.support))"
        }
        let list = named.count > 1 ? named.dropLast().joined(separator: ", ") + " and " + named.last! : named[0]
        return "Per class, \(panel) separates \(list) worst on the held-out samples (see the confusion matrix)."
    }

    private static func tiles(_ model: ReportModel) -> [(String, String)] {
        var tiles = [
            (DisplayFormat.integer(model.samples), "samples"),
            (DisplayFormat.integer(model.features), "features in the input"),
            (model.classCounts.isEmpty ? model.task.rawValue : "\(model.classCounts.count) classes", model.classCounts.isEmpty ? "task" : model.task.rawValue),
            (DisplayFormat.integer(model.ranking.count), "features ranked"),
        ]
        if let stable = model.stableCount {
            tiles.append((DisplayFormat.integer(stable), model.threshold.map { "stable (frequency ≥ \(DisplayFormat.fixed($0, 2)))" } ?? "stable"))
        }
        if let bound = model.errorBound {
            tiles.append(("≤ " + DisplayFormat.significant(bound, 2), "expected false discoveries E[V]"))
        }
        if let first = model.evaluation.first, let metric = first.metrics.first?.name {
            let best = model.evaluation.filter { $0.method == first.method }
                .compactMap { row in row.metrics.first { $0.name == metric }.map { (k: row.k, value: $0.value) } }
                .filter { $0.value.isFinite }
                .max { $0.value < $1.value }
            if let best {
                tiles.append((DisplayFormat.fixed(best.value, 3), "best held-out \(metric) (\(first.method), k′ = \(best.k))"))
            }
        }
        return tiles
    }

    /// Sections left out because their data is absent, each as one short sentence.
    static func omissions(_ model: ReportModel) -> [String] {
        var notes: [String] = []
        if !model.ranking.contains(where: { $0.selectionFrequency != nil }) {
            notes.append("selection frequencies (stability selection was not run).")
        }
        if model.evaluation.isEmpty { notes.append("held-out evaluation (none was recorded).") }
        if model.attentionSnapshots.isEmpty {
            notes.append("attention re-scoring (recorded by the Sequential Attention method only).")
        }
        if model.correlation == nil { notes.append("correlation heatmap (not computed).") }
        return notes
    }
}
