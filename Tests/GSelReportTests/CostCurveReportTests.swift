import Foundation
import GSelReport
import Testing

/// With feature costs the evaluation section adds the metric-against-cost chart (Pareto
/// points filled, the budget as a dashed line), a cost column and the front flags.
@Suite struct CostCurveReportTests {
    @Test func costChartAndColumnsAppearOnlyWithCosts() throws {
        var model = SampleReport.expression()
        let plain = HTMLReport.render(model)
        for i in model.evaluation.indices {
            model.evaluation[i].cost = Double(model.evaluation[i].k) * 1.5
            model.evaluation[i].paretoFront = model.evaluation[i].k <= 5
        }
        model.costMetric = "balanced accuracy"
        model.budget = 30
        let html = HTMLReport.render(model)
        #expect(Support.svgFragments(html).count == Support.svgFragments(plain).count + 1)
        let section = try #require(Support.section("evaluation", in: html))
        #expect(section.contains("Cost of the top k′ features"))
        #expect(section.contains("within the budget of 30.0"))
        #expect(section.contains("(Pareto front)"))
        #expect(section.contains("stroke-dasharray=\"5 4\""), "the budget line")
        #expect(!(Support.section("evaluation", in: plain) ?? "").contains("Pareto"))
    }
}
