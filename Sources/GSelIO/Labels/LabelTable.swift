/// One label per sample id, read from a label file (`LabelTable.load`) or taken from a
/// per-sample annotation of the matrix (`LabelTable.annotation`, h5ad obs / loom col_attrs).
///
/// Missing labels (`nil` in `values`): empty, `NA`, `N/A`, `NaN` (any case); also `-9` in
/// PLINK-style files (header `FID IID ...`) and in any column whose values are all numbers.
/// A `-9` among text labels stays a class name.
public struct LabelTable: Sendable {
    /// The label file, or the matrix file for annotations; named in error messages.
    public let source: String
    public let sampleColumn: String
    public let labelColumn: String
    /// Whether the file is PLINK-style (`FID IID pheno...`).
    public let isPLINK: Bool
    public let sampleIDs: [String]
    /// The label of each sample id as written, nil when missing.
    public let values: [String?]
    /// 1-based line of each entry in the label file; nil for annotations.
    public let lines: [Int]?

    /// Builds a table from raw values, applying the missing-value rules above.
    public init(source: String, sampleColumn: String, labelColumn: String, sampleIDs: [String],
                rawValues: [String?], lines: [Int]? = nil, isPLINK: Bool = false) {
        precondition(sampleIDs.count == rawValues.count && (lines?.count ?? rawValues.count) == rawValues.count)
        var present = rawValues.map { v in v.flatMap { Self.isMissingText($0) ? nil : $0 } }
        let numeric = present.allSatisfy { $0.map { Self.number($0) != nil } ?? true }
        if isPLINK || numeric {
            present = present.map { v in v.flatMap { Self.number($0) == -9 ? nil : $0 } }
        }
        self.source = source
        self.sampleColumn = sampleColumn
        self.labelColumn = labelColumn
        self.isPLINK = isPLINK
        self.sampleIDs = sampleIDs
        self.values = present
        self.lines = lines
    }

    /// Reads the label file at `path` (plain or gzip). `sampleColumn` / `labelColumn` are column
    /// names or 1-based indices; by default the sample column is the first (IID for PLINK
    /// files) and the label column is the only other one.
    public static func load(path: String, sampleColumn: String? = nil, labelColumn: String? = nil) throws -> LabelTable {
        try LabelFileReader(path: path).read(sampleColumn: sampleColumn, labelColumn: labelColumn)
    }

    /// The annotation column `key` of `matrix` (read from `file`), aligned with its samples.
    public static func annotation(_ key: String, of matrix: LoadedMatrix, file: String) throws -> LabelTable {
        guard let column = matrix.sampleAnnotations[key] else {
            let keys = matrix.sampleAnnotations.keys.sorted()
            throw InputError(file: file, "no per-sample annotation '\(key)'; available: "
                + (keys.isEmpty ? "none (give a label file with --labels)" : MessageText.list(keys)))
        }
        return LabelTable(source: file, sampleColumn: "sample id", labelColumn: key,
                          sampleIDs: matrix.sampleIDs, rawValues: column)
    }

    /// Number of samples whose label is missing.
    public var missingCount: Int { values.reduce(0) { $0 + ($1 == nil ? 1 : 0) } }

    /// Where entry `i` came from, for error messages.
    func location(of i: Int) -> String {
        if let lines { return "line \(lines[i]), column \(labelColumn)" }
        return "\(labelColumn), sample \(sampleIDs[i])"
    }

    static func isMissingText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { FieldParsing.isMissingToken($0) }
    }

    /// Whether `text` spells an infinite number (`inf`, `-Infinity`), which `number` does not read.
    static func isInfinite(_ text: String) -> Bool {
        Double(String(text.filter { $0 != " " }))?.isInfinite ?? false
    }

    /// The value of a plain decimal number, nil for anything else.
    static func number(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { FieldParsing.parseDecimal($0) }
    }
}
