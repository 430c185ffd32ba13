import Testing
@testable import GSelReport

/// The report's interaction section: a table and a scatter plot per accepted pair (names
/// escaped, well-formed SVG), the statement when no pair passed, nothing without a screen.
@Suite struct InteractionReportTests {
    static func screen(pairs: [ReportModel.Interactions.Pair]) -> ReportModel.Interactions {
        .init(pairs: pairs, candidates: 1000, samples: 640, permutations: 19, level: 0.001, threshold: 4.98,
              largestRejected: ("CD3E", "<i>NKG7</i>", 4.43), classNames: ["ALL", "AML & <x>"])
    }

    static func pair(_ first: String, listed: Bool = true) -> ReportModel.Interactions.Pair {
        let points = (0 ..< 200).map { i -> (x: Double, y: Double, classIndex: Int?, value: Double?) in
            let x = Double(i % 20) / 5 - 2, y = Double(i / 20) / 2.5 - 2
            return (x, y, (x > 0) == (y > 0) ? 0 : 1, nil)
        }
        return .init(firstName: first, secondName: "MPO", statistic: 8.74, familyWiseP: 0.05, listed: listed, points: points)
    }

    @Test func acceptedPairsGetATableAndAScatterPlot() throws {
        var model = SampleReport.expression()
        let before = Support.svgFragments(HTMLReport.render(model)).count
        model.interactions = Self.screen(pairs: [Self.pair("<b>ZYX</b>"), Self.pair("CST3", listed: false)])
        let html = HTMLReport.render(model)
        let section = try #require(Support.section("interactions", in: html))
        #expect(Support.svgFragments(html).count == before + 2, "one scatter plot per pair")
        #expect(section.contains("&lt;b&gt;ZYX&lt;/b&gt; × MPO"))
        #expect(section.contains("8.74") && section.contains("4.98"))
        #expect(section.contains("no: only stable or included rows could give way"))
        #expect(!html.contains("<b>ZYX") && !html.contains("AML & <x>"))
        _ = try Support.parseXML(html)
        for fragment in Support.svgFragments(html) { _ = try Support.parseXML(fragment) }
        // 200 points, one marker each, in two classes (circle and square).
        let chart = PairScatterChart(pair: Self.pair("ZYX"), classNames: ["ALL", "AML"]).render()
        #expect(chart.components(separatedBy: "<circle").count - 1 + chart.components(separatedBy: "<rect").count - 1 >= 200)
    }

    @Test func noPairPassedIsStatedAndNoScreenShowsNothing() throws {
        var model = SampleReport.expression()
        #expect(Support.section("interactions", in: HTMLReport.render(model)) == nil)
        model.interactions = Self.screen(pairs: [])
        let section = try #require(Support.section("interactions", in: HTMLReport.render(model)))
        #expect(section.contains("No pair passed"))
        #expect(section.contains("CD3E × &lt;i&gt;NKG7&lt;/i&gt;") && section.contains("4.43"))
    }
}
