/// Builds a tab-separated table: one header line, then rows, nothing else, so that
/// `pandas.read_csv(path, sep="\t")` and R's `read.delim(path)` read it as it is (provenance
/// belongs in run.json). Numbers follow `TSVCell` (shortest round-trip decimals or 4
/// significant digits, `NA` for missing, `Inf`/`-Inf`); lines end with `\n`.
public struct TSVWriter: Sendable {
    /// Column names, in order.
    public let columns: [String]
    /// The table text so far.
    public private(set) var text: String

    /// Starts a table with its header line.
    public init(columns: [String]) {
        precondition(!columns.isEmpty, "a TSV table needs at least one column")
        self.columns = columns
        self.text = TSVWriter.line(columns.map { .text($0) })
    }

    /// Appends one row; it must have one cell per column.
    public mutating func append(_ row: [TSVCell]) {
        precondition(row.count == columns.count, "TSV row has \(row.count) cells, expected \(columns.count)")
        text += TSVWriter.line(row)
    }

    /// One tab-separated line ending in `\n`, for writers that stream rows through `AtomicFileWriter`.
    public static func line(_ cells: [TSVCell]) -> String {
        var out = ""
        for (i, cell) in cells.enumerated() {
            if i > 0 { out += "\t" }
            out += cell.text
        }
        return out + "\n"
    }

    /// Writes the table to `path` atomically.
    public func write(to path: String) throws {
        try AtomicFile.write(text, to: path)
    }
}
