import Foundation
import GSelIO
import GSelReport
import Testing
import _TestSupport

@Suite struct HTMLReportTests {
    @Test func fullReportHasEveryChartAndNothingFromTheNetwork() throws {
        let html = HTMLReport.render(SampleReport.genotypes())
        // frequency bars, one metric curve (R²), attention, correlation, genome plot
        #expect(Support.svgFragments(html).count == 5)
        let expression = HTMLReport.render(SampleReport.expression())
        // frequency bars, three metric curves, attention, correlation
        #expect(Support.svgFragments(expression).count == 6)
        for page in [html, expression] {
            for forbidden in ["http://", "https://", "<script", "src=", "url(", "@import", "<link", "<iframe", "<img", "<object", "<embed", "@font-face"] {
                #expect(!page.lowercased().contains(forbidden), "report contains \(forbidden)")
            }
            for id in ["summary", "ranking", "frequency", "evaluation", "attention", "correlation"] {
                #expect(Support.section(id, in: page) != nil, "missing section \(id)")
            }
        }
        #expect(Support.section("genome", in: html) != nil)
        #expect(Support.section("genome", in: expression) == nil)
    }

    @Test func pageAndEverySVGFragmentAreWellFormedXML() throws {
        for model in [SampleReport.expression(), SampleReport.genotypes()] {
            let html = HTMLReport.render(model)
            let page = try Support.parseXML(html)
            let fragments = Support.svgFragments(html)
            #expect(page.elements.filter { $0 == "svg" }.count == fragments.count)
            for fragment in fragments {
                let svg = try Support.parseXML(fragment)
                #expect(svg.elements.first == "svg")
                #expect(svg.elements.dropFirst().first == "title", "every chart starts with an accessible title")
                #expect(svg.elements.contains("text"), "every chart has axis or cell labels")
            }
        }
    }

    @Test func hostileIdentifiersAreEscapedEverywhere() throws {
        let hostile = "<b>&\"'"
        let script = "<script>alert(1)</script>"
        var model = SampleReport.genotypes()
        model.title = "run " + hostile
        model.commandLine += " --out '\(hostile)'"
        model.inputPath = "/tmp/\(hostile)/x.vcf.gz"
        model.ranking[0].featureID = hostile
        model.ranking[0].featureName = script
        model.ranking[1].featureName = hostile + "\u{01}ctl"
        model.parameters.append((hostile, script))
        model.timings.append((hostile, 1))
        model.notes = [script]
        model.classCounts = [(hostile, 3)]
        model.attentionSnapshots[0].pickedFeatureName = script
        model.attentionSnapshots[0].candidates.append((hostile, 0.1))
        model.correlation?.names[0] = script
        model.manhattan?.append(.init(chrom: hostile, pos: 10, frequency: 0.9, name: script))
        model.evaluation[0].method = hostile
        model.evaluation[0].metrics[0].name = script
        model.heldOutComparison?.method = hostile
        model.heldOutComparison?.metric = script

        let html = HTMLReport.render(model)
        #expect(!html.contains(hostile))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;b&gt;&amp;&quot;&#39;"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.unicodeScalars.contains("\u{01}"), "control characters are replaced, so the page stays valid XML")
        // The escaped names come back intact through a real parser.
        let parsed = try Support.parseXML(html)
        #expect(parsed.texts.contains { $0.contains(hostile) })
        #expect(parsed.svgTexts.contains { $0.contains("<b>&\"") })
    }

    @Test func sectionsWithoutDataAreLeftOutWithANote() throws {
        var model = SampleReport.expression()
        model.task = .regression
        model.classCounts = []
        model.threshold = nil
        model.errorBound = nil
        model.attentionSnapshots = []
        model.correlation = nil
        model.evaluation = SampleReport.evaluation(metrics: ["R²"])
        for i in model.ranking.indices {
            model.ranking[i].selectionFrequency = nil
            model.ranking[i].stable = nil
            model.ranking[i].meanSelectionOrder = nil
        }
        let html = HTMLReport.render(model)
        for id in ["frequency", "attention", "correlation", "genome"] {
            #expect(Support.section(id, in: html) == nil, "section \(id) should be absent")
            #expect(!html.contains("href=\"#\(id)\""), "no table-of-contents link to \(id)")
        }
        #expect(Support.svgFragments(html).count == 1)
        #expect(html.contains("Not in this report"))
        #expect(html.contains("stability selection was not run"))
        #expect(!html.contains("<h3>Classes</h3>"))
        let ranking = try #require(Support.section("ranking", in: html))
        #expect(!ranking.contains("Selection frequency"))
        #expect(!ranking.contains("Stable"))
        _ = try Support.parseXML(html)
    }

    @Test func rankingTableHasOneRowPerFeatureWithRightAlignedNumbers() throws {
        let model = SampleReport.genotypes()
        let html = HTMLReport.render(model)
        let ranking = try #require(Support.section("ranking", in: html))
        #expect(ranking.components(separatedBy: "<tr>").count - 1 == model.ranking.count + 1)
        // rank, selection frequency, mean pick order, attention, effect, position: six numeric cells per row
        #expect(ranking.components(separatedBy: "<td class=\"num\">").count - 1 == 6 * model.ranking.count)
        #expect(ranking.components(separatedBy: "<th scope=\"col\" class=\"num\">").count - 1 == 6)
        for row in model.ranking {
            #expect(ranking.contains(row.featureID))
            #expect(ranking.contains(">" + String(format: "%.2f", row.selectionFrequency!) + "<"))
        }
        let stable = model.ranking.filter { $0.stable == true }.count
        #expect(ranking.components(separatedBy: "✓ yes").count - 1 == stable)
    }

    @Test func summaryStatesTheStableSetAndTheErrorBound() throws {
        let model = SampleReport.expression()
        let summary = try #require(Support.section("summary", in: HTMLReport.render(model)))
        let stable = model.ranking.filter { $0.stable == true }.count
        #expect(summary.contains("\(stable) of them were chosen in at least 60 %"))
        // E[V] <= q^2 / ((2 threshold - 1) p) = 400 / (0.2 * 3051) = 0.6555...
        #expect(summary.contains("≤ 0.66"))
        #expect(summary.contains("3,051"))
        #expect(summary.contains("1 min 19 s"), "total of the timings 0.41 + 73.2 + 4.9 + 0.08 s")
        #expect(summary.contains("71.1 %"), "27 of 38 samples are ALL")
    }

    @Test func genomePlotOrdersChromosomesNaturally() throws {
        let model = SampleReport.genotypes()
        let genome = try #require(Support.section("genome", in: HTMLReport.render(model)))
        let svg = try Support.parseXML(Support.svgFragments(genome)[0])
        let present = Set(model.manhattan!.map { ChromosomeOrder.displayName($0.chrom) })
        let axisLabels = svg.svgTexts.filter { present.contains($0) }
        let expected = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
                        "17", "18", "19", "20", "21", "22", "X", "Y", "MT"].filter(present.contains)
        // Labels that would collide are thinned, never reordered.
        #expect(axisLabels.count >= expected.count * 2 / 3)
        var cursor = expected.startIndex
        for label in axisLabels {
            let found = try #require(expected[cursor...].firstIndex(of: label), "\(label) out of order in \(axisLabels)")
            cursor = found + 1
        }
        // Stable variants are drawn as diamonds: one per stable ranked variant.
        let stable = model.manhattan!.filter { $0.frequency >= 0.6 }.count
        #expect(Support.svgFragments(genome)[0].components(separatedBy: "<polygon").count - 1 == stable + 1, "plus the legend diamond")
    }

    @Test func attentionViewOutlinesEachPickAndGreysEarlierPicks() throws {
        let model = SampleReport.expression()
        let section = try #require(Support.section("attention", in: HTMLReport.render(model)))
        let svg = Support.svgFragments(section)[0]
        let outlined = svg.components(separatedBy: "fill=\"none\" stroke=\"#D55E00\" stroke-width=\"2.5\"").count - 1
        #expect(outlined == model.attentionSnapshots.count)
        // Pick i greys the cells of the i-1 earlier picks: 0 + 1 + ... + 7 = 28.
        #expect(svg.components(separatedBy: "was already selected").count - 1 == 28)
        // The redundant twin of CST3 is present and fades after CST3 is picked.
        #expect(svg.contains("Before pick 2: CST3 (2nd probe) held 22% of the attention"))
        #expect(svg.contains("Before pick 3: CST3 (2nd probe) held 1.2% of the attention"))
    }

    @Test func reportWriterReplacesTheFileAtomically() throws {
        let dir = try TemporaryDirectory("gsel-report")
        let path = dir.path("report.html")
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try ReportWriter.write(SampleReport.expression(), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == HTMLReport.render(SampleReport.expression()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["report.html"])
    }
}
