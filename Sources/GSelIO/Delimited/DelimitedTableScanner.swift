/// Streams a delimited table line by line: reads and checks the header, then yields each
/// data row with its id already taken, collecting row ids and spotting duplicates.
/// Shared by loading (which parses the values) and inspecting (which only counts).
final class DelimitedTableScanner {
    /// One data row: the cursor is positioned after the row id; valid until the next call.
    struct Row {
        var cursor: FieldCursor
        let line: Int
    }

    let path: String
    let delimiter: TextDelimiter
    private let lines: LineReader
    /// How the file is compressed.
    var compression: StreamCompression { lines.source.compression }
    private let headerLine: Int
    private let headerFields: [String]
    /// Ids of the value columns (header minus the corner cell); final after the first row.
    private(set) var columnIDs: [String]
    /// False when the header has one field fewer than the rows (R `write.table` style).
    private(set) var headerHasCorner = true
    private(set) var rowIDs: [String] = []
    private(set) var duplicateRow: DuplicateID?
    private(set) var duplicateColumn: DuplicateID?
    private var rowLines: [String: Int] = [:]

    /// Opens `path` and reads its header. Throws for a missing, empty or unreadable file.
    init(path: String, threads: Int = 1, maxLineBytes: Int = LineReader.defaultMaxLineBytes) throws {
        self.path = path
        lines = try TextStream.lines(path: path, threads: threads, maxLineBytes: maxLineBytes)
        guard let header = try lines.firstNonBlankLine() else {
            throw InputError(file: path, "the file is empty; expected a header row of ids followed by data rows")
        }
        headerLine = lines.lineNumber
        delimiter = TextDelimiter.detect(path: path, header: header, fallback: .tab)
        var cursor = FieldCursor(header, delimiter: delimiter)
        var fields: [String] = []
        do {
            while let f = try cursor.next() { fields.append(f.string) }
        } catch {
            throw InputError(file: path, location: "line \(headerLine), field \(error.field)", error.message)
        }
        headerFields = fields
        columnIDs = Array(fields.dropFirst())
    }

    /// Number of fields a data row must have.
    var expectedFieldCount: Int { columnIDs.count + 1 }

    /// "field N" numbering of value column `j` within a header line.
    func headerFieldNumber(ofColumn j: Int) -> Int { j + (headerHasCorner ? 2 : 1) }

    /// The next non-blank data row, or nil at the end of the file.
    func nextRow() throws -> Row? {
        while let line = try lines.nextLine() {
            if LineReader.isBlank(line) { continue }
            let lineNumber = lines.lineNumber
            var cursor = FieldCursor(line, delimiter: delimiter)
            let id: String
            do {
                id = try cursor.next()?.string ?? ""
            } catch {
                throw InputError(file: path, location: "line \(lineNumber), field \(error.field)", error.message)
            }
            if id.isEmpty {
                throw InputError(file: path, location: "line \(lineNumber), field 1",
                                 "the row id is empty; expected an id in the first column")
            }
            if rowIDs.isEmpty { try settleHeader(firstRow: cursor, line: lineNumber) }
            if duplicateRow == nil, let first = rowLines.updateValue(lineNumber, forKey: id) {
                duplicateRow = DuplicateID(id: id, first: first, second: lineNumber)
            }
            rowIDs.append(id)
            return Row(cursor: cursor, line: lineNumber)
        }
        return nil
    }

    /// Fixes the column ids once the first row shows whether the header has a corner cell.
    private func settleHeader(firstRow: FieldCursor, line: Int) throws {
        var probe = firstRow
        let rowFields = 1 + probe.countRemaining()
        if rowFields == headerFields.count + 1 {
            headerHasCorner = false
            columnIDs = headerFields
        }
        if columnIDs.isEmpty {
            throw InputError(file: path, location: "line \(headerLine)",
                             "the header has a single field, so there are no value columns; expected ids separated by \(delimiter == .comma ? "commas" : "tabs")")
        }
        var seen: [String: Int] = [:]
        seen.reserveCapacity(columnIDs.count)
        for (j, id) in columnIDs.enumerated() {
            let field = headerFieldNumber(ofColumn: j)
            if id.isEmpty {
                throw InputError(file: path, location: "line \(headerLine), field \(field)",
                                 "the header id is empty; every column needs an id (is there a trailing delimiter?)")
            }
            if duplicateColumn == nil, let first = seen.updateValue(field, forKey: id) {
                duplicateColumn = DuplicateID(id: id, first: first, second: field)
            }
        }
    }

    /// After the last row: decides the layout and rejects tables without rows or with
    /// duplicate sample / feature ids. Returns the layout and why it was chosen.
    func finish(options: ReaderOptions) throws -> (MatrixLayout, String) {
        if rowIDs.isEmpty {
            throw InputError(file: path, location: "line \(headerLine)",
                             "the file has a header line (\(headerFields.count) field\(headerFields.count == 1 ? "" : "s"): \(MessageText.list(headerFields, limit: 5))) but no data rows after it; expected one row per \(options.decoding.layout == .featuresBySamples ? "feature" : "sample") after the header")
        }
        let (layout, reason) = LayoutDetector.decide(rowIDs: rowIDs, columnIDs: columnIDs, options: options)
        let rowNoun = layout == .samplesByFeatures ? "sample" : "feature"
        let columnNoun = layout == .samplesByFeatures ? "feature" : "sample"
        if let d = duplicateRow {
            throw InputError(file: path, location: "line \(d.second)",
                             "duplicate \(rowNoun) id '\(d.id)' in the first column (first on line \(d.first)); expected unique ids (layout \(layout.rawValue): \(reason))")
        }
        if let d = duplicateColumn {
            throw InputError(file: path, location: "line \(headerLine), field \(d.second)",
                             "duplicate \(columnNoun) id '\(d.id)' in the header (first at field \(d.first)); expected unique ids (layout \(layout.rawValue): \(reason))")
        }
        return (layout, reason)
    }

    /// Layout-independent notes about how the table was read.
    var notes: [String] {
        var notes = ["delimiter: \(delimiter.rawValue)"]
        if !headerHasCorner {
            notes.append("the header has no corner cell (one field fewer than the rows); all header fields are column ids")
        }
        return notes
    }
}
