/// Builds a tab-separated table: optional `# comment` lines, one header line, then rows.
///
/// Numbers follow `TSVCell` (shortest round-trip decimals, `NA` for missing, `Inf`/`-Inf`),
/// lines end with `\n`. Readers: `pandas.read_csv(path, sep="\t", comment="#")`,
/// R `read.delim(path, comment.char = "#")`. Comment lines are only written before the
/// header, so a plain reader can also skip them by count.
public struct TSVWriter: Sendable {
    /// Column names, in order.
    public let columns: [String]
    /// The table text so far.
    public private(set) var text: String

    /// Starts a table; each comment becomes a line `# <comment>` above the header.
    public init(columns: [String], comments: [String] = []) {
        precondition(!columns.isEmpty, "a TSV table needs at least one column")
        self.columns = columns
        var text = ""
        for comment in comments {
            for line in comment.split(separator: "\n", omittingEmptySubsequences: false) {
                text += "# \(line)\n"
            }
        }
        text += TSVWriter.line(columns.map { .text($0) })
        self.text = text
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
