import Foundation
import GSelIO
import GSelReport
import Testing
import _TestSupport

/// The held-out confusion matrix of gsel's top k in the report's evaluation section, and
/// the summary sentence naming the classes the panel separates worst.
@Suite struct ConfusionMatrixReportTests {
    /// Three cell types, 20 held-out samples: B cells perfect, the two T-cell types confused.
    static func model(classes: [String] = ["B cell", "CD4 T", "CD8 T"]) -> ReportModel {
        var model = SampleReport.expression()
        model.classCounts = zip(classes, [40, 35, 25]).map { (label: $0, count: $1) }
        model.confusion = .init(method: "gsel-sa", k: 20, classes: classes, counts: [[8, 0, 0], [0, 5, 2], [0, 3, 2]])
        return model
    }

    @Test func confusionMatrixIsAWellFormedTableOfCounts() throws {
        let html = HTMLReport.render(Self.model())
        _ = try Support.parseXML(html)
        let section = try #require(Support.section("evaluation", in: html))
        let start = try #require(section.range(of: "<table class=\"confusion\">"))
        let end = try #require(section.range(of: "</table>", range: start.upperBound ..< section.endIndex))
        let table = String(section[start.lowerBound ..< end.upperBound])
        let parsed = try Support.parseXML(table)
        #expect(parsed.elements.filter { $0 == "tr" }.count == 4, "a header row and one row per true class")
        // Per body row: the class name as a row header, 3 counts, n and recall.
        #expect(parsed.elements.filter { $0 == "td" }.count == 3 * 5)
        #expect(parsed.elements.filter { $0 == "th" }.count == 1 + 3 + 2 + 3)
        #expect(table.contains("title=\"CD8 T predicted as CD4 T: 3 of 5\">3</td>"))
        #expect(table.contains("<td class=\"num diag\""), "the diagonal is marked")
        #expect(table.contains("<td class=\"num\">7</td><td class=\"num\">0.71</td>"), "CD4 T: n 7, recall 5/7")
        #expect(section.contains("Confusion matrix at k′ = 20"))
    }

    @Test func summaryNamesTheWorstRecalledClasses() throws {
        let summary = try #require(Support.section("summary", in: HTMLReport.render(Self.model())))
        // At most 3 and fewer than all classes: CD8 T (2/5) and CD4 T (5/7), worst first.
        #expect(summary.contains("separates <em>CD8 T</em> (recall 0.40, 2 of 5) and <em>CD4 T</em> (recall 0.71, 5 of 7) worst"))
        var perfect = Self.model()
        perfect.confusion?.counts = [[8, 0, 0], [0, 7, 0], [0, 0, 5]]
        let all = try #require(Support.section("summary", in: HTMLReport.render(perfect)))
        #expect(all.contains("recalled every held-out sample of every class"))
        // A class without held-out samples is not named (its recall is not measured).
        var missing = Self.model()
        missing.confusion?.counts = [[8, 0, 0], [0, 5, 2], [0, 0, 0]]
        let one = try #require(Support.section("summary", in: HTMLReport.render(missing)))
        #expect(one.contains("separates <em>CD4 T</em> (recall 0.71, 5 of 7) worst"))
    }

    @Test func withoutAConfusionMatrixNothingIsShown() throws {
        let html = HTMLReport.render(SampleReport.expression())
        #expect(!html.contains("class=\"confusion\""))
        #expect(!html.contains("separates worst"))
    }

    @Test func classNamesAreEscaped() throws {
        let hostile = "<b>&\"'"
        let html = HTMLReport.render(Self.model(classes: ["B cell", hostile, "<script>x</script>"]))
        #expect(!html.contains(hostile))
        #expect(!html.lowercased().contains("<script"))
        _ = try Support.parseXML(html)
    }
}
