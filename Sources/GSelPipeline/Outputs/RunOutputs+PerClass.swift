import GSelCore
import GSelIO
import GSelReport

/// Per-class held-out evaluation (classification): evaluation_per_class.tsv, the per-class
/// summary in run.json and the report's confusion matrix, all from the refits' validation
/// predictions (`EvaluationRow.perClass`, `confusion`).
extension RunOutputs {
    /// The long-format per-class table, written by classification runs only.
    public static let perClassFileName = "evaluation_per_class.tsv"

    /// Class names in code order; empty for regression.
    var classNames: [String] { input.classCounts.map(\.name) }

    /// evaluation_per_class.tsv: one row per method, k' and class (the rows of evaluation.tsv
    /// times the classes, in class order), with the class's held-out support and the number
    /// predicted as it, recall, precision and F1 (0 where a denominator is 0). Nil for regression.
    func perClassTable() -> TSVWriter? {
        guard !classNames.isEmpty else { return nil }
        var t = TSVWriter(columns: ["method", "k", "class", "support", "predicted", "recall", "precision", "f1"])
        for r in result.evaluation {
            for c in r.perClass(classCount: classNames.count) ?? [] {
                t.append([.text(r.method), .int(r.k), .text(classNames[Int(c.classCode)]), .int(c.support), .int(c.predicted),
                          .rounded(c.recall), .rounded(c.precision), .rounded(c.f1)])
            }
        }
        return t
    }

    /// The rows the per-class summaries describe: each ranked method's refit on its largest
    /// k' (normally k), in evaluation order; the covariates-only row is left out.
    var perClassSummaryRows: [EvaluationRow] {
        let ranked = result.evaluation.filter { $0.method != HeldOutEvaluation.covariatesOnly && $0.predictions != nil }
        var seen = Set<String>()
        return ranked.compactMap { r in
            guard seen.insert(r.method).inserted else { return nil }
            return ranked.filter { $0.method == r.method }.max { $0.k < $1.k }
        }
    }

    /// run.json's `per_class`: for each method at its largest k', every class's support,
    /// recall, precision and F1; null for regression or without evaluation.
    func perClassRecord() -> JSONValue {
        guard !classNames.isEmpty, !perClassSummaryRows.isEmpty else { return .null }
        func object(_ pairs: [(String, JSONValue)]) -> JSONValue { .object(pairs.map { (key: $0.0, value: $0.1) }) }
        return .array(perClassSummaryRows.map { r in
            object([("method", .string(r.method)), ("k", .int(r.k)),
                    ("classes", .array((r.perClass(classCount: classNames.count) ?? []).map { c in
                        object([("class", .string(classNames[Int(c.classCode)])), ("support", .int(c.support)),
                                ("predicted", .int(c.predicted)), ("recall", .number(c.recall)),
                                ("precision", .number(c.precision)), ("f1", .number(c.f1))])
                    }))])
        })
    }

    /// The report's confusion matrix: gsel's ranking (the first evaluated method) at its largest k'.
    func reportConfusion() -> ReportModel.ClassConfusion? {
        guard !classNames.isEmpty, let r = perClassSummaryRows.first,
              let counts = r.confusion(classCount: classNames.count) else { return nil }
        return .init(method: r.method, k: r.k, classes: classNames, counts: counts)
    }
}
