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
        text += columns.map { TSVCell.text($0).text }.joined(separator: "\t") + "\n"
        self.text = text
    }

    /// Appends one row; it must have one cell per column.
    public mutating func append(_ row: [TSVCell]) {
        precondition(row.count == columns.count, "TSV row has \(row.count) cells, expected \(columns.count)")
        var first = true
        for cell in row {
            if !first { text += "\t" }
            text += cell.text
            first = false
        }
        text += "\n"
    }

    /// Writes the table to `path` atomically.
    public func write(to path: String) throws {
        try AtomicFile.write(text, to: path)
    }
}
