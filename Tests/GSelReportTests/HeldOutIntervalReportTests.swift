import GSelReport
import Testing

/// The report shows each held-out metric with its 95 % interval and says in the summary
/// whether the held-out samples tell gsel's top k from the baseline's.
@Suite struct HeldOutIntervalReportTests {
    @Test func evaluationTableShowsEachValueWithItsInterval() throws {
        let html = HTMLReport.render(SampleReport.expression())
        let section = try #require(Support.section("evaluation", in: html))
        // gsel at k′ = 20: accuracy 0.97, balanced accuracy 0.94, AUROC 0.91, each 0.12 below / 0.04 above (at most 1).
        #expect(section.contains("<td class=\"num\">0.970 (95 % CI 0.85–1.00)</td><td class=\"num\">0.940 (95 % CI 0.82–0.98)</td>"))
        #expect(section.contains("Wilson"))
        let regression = try #require(Support.section("evaluation", in: HTMLReport.render(SampleReport.genotypes())))
        // marginal at k′ = 1: R² 0.74 − 0.45 = 0.29, interval 0.17–0.33.
        #expect(regression.contains("0.290 (95 % CI 0.17–0.33)"))
    }

    @Test func rowsWithoutIntervalsShowTheValueAlone() throws {
        var model = SampleReport.expression()
        for i in model.evaluation.indices { model.evaluation[i].intervals = [:] }
        let section = try #require(Support.section("evaluation", in: HTMLReport.render(model)))
        #expect(section.contains("<td class=\"num\">0.970</td>"))
        #expect(!section.contains("(95 % CI"))
    }

    @Test func summarySaysWhenTheHeldOutSetIsTooSmall() throws {
        let summary = try #require(Support.section("summary", in: HTMLReport.render(SampleReport.expression())))
        #expect(summary.contains("The held-out set (8 samples) is too small to tell gsel's top 20 from the baseline's: "
            + "balanced accuracy 1.000 (95 % CI 1.00–1.00) for <em>gsel-sa</em>, 0.900 (95 % CI 0.75–1.00) for <em>marginal</em>, "
            + "and the 95 % interval of their difference, 0.00–0.25 (paired bootstrap), includes 0."))
        #expect(summary.contains("Even 8 of 8 correct is consistent with an accuracy as low as 0.68 (Wilson 95 % CI 0.68–1.00)."))
        // Regression: a negative bound reads "-0.02 to 0.12"; no accuracy sentence.
        let genotypes = try #require(Support.section("summary", in: HTMLReport.render(SampleReport.genotypes())))
        #expect(genotypes.contains("The held-out set (282 samples) is too small"))
        #expect(genotypes.contains("their difference, -0.02 to 0.12 (paired bootstrap), includes 0."))
        #expect(!genotypes.contains("Wilson"))
    }

    @Test func summarySaysWhichRankingWinsWhenTheIntervalExcludesZero() throws {
        var model = SampleReport.expression()
        model.heldOutComparison = SampleReport.comparison(samples: 120, separated: true)
        let summary = try #require(Support.section("summary", in: HTMLReport.render(model)))
        #expect(summary.contains("On the held-out set (120 samples), gsel's top 20 scores higher than the baseline's: "
            + "balanced accuracy 0.917 (95 % CI 0.78–0.98) for <em>gsel-sa</em>, 0.800 (95 % CI 0.66–0.91) for <em>marginal</em>, "
            + "and the 95 % interval of their difference, 0.03–0.21 (paired bootstrap), excludes 0."))
        #expect(!summary.contains("too small"))
        model.heldOutComparison?.difference = -0.117
        model.heldOutComparison?.differenceInterval = -0.207 ... -0.031
        let reversed = try #require(Support.section("summary", in: HTMLReport.render(model)))
        #expect(reversed.contains("the baseline's top 20 scores higher than gsel's"))
        #expect(reversed.contains("-0.21 to -0.03"))
        model.heldOutComparison = nil
        let none = try #require(Support.section("summary", in: HTMLReport.render(model)))
        #expect(!none.contains("held-out set"))
    }
}
