/// Reads a per-sample text table (label and covariate files; plain or gzip; tab, comma or
/// whitespace separated): the header, the sample id column and every row's fields. The
/// one parser behind `LabelTable.load` and `CovariateTable.load`.
///
/// PLINK layouts are read as they are: a header `FID IID ...`, `#FID IID ...` or `#IID ...`
/// (PLINK 2 `.psam`, `.eigenvec`, `--covar` files; the `#` is dropped from the name), whose
/// sample ids are in IID, and with `headerless` also PLINK 1.9's `.eigenvec` without a
/// header (`FID IID v1 v2 ...`, every field from the third on a number), read as columns
/// `FID IID PC1 PC2 ...`.
struct SampleTableReader {
    let path: String
    /// What the file is, for messages ("label file", "covariate file").
    let role: String
    /// Column names.
    private(set) var header: [String] = []
    /// Line of the header; 0 when the file has none.
    private(set) var headerLine = 0
    /// Whether the layout is PLINK's (sample ids in IID, `-9` means missing).
    private(set) var isPLINK = false
    private let lines: LineReader
    private let delimiter: TextDelimiter
    /// The first data row when the file has no header (it was read to find that out).
    private var pending: (fields: [String], line: Int)?

    /// Opens `path` and reads its header; throws an `InputError` for an empty file.
    init(path: String, role: String, headerless: Bool = false) throws {
        self.path = path
        self.role = role
        lines = try TextStream.lines(path: path)
        guard let headerText = try lines.firstNonBlankLine() else {
            throw InputError(file: path, "the \(role) is empty; expected a header row naming the sample id column and the other columns")
        }
        let line = lines.lineNumber
        delimiter = TextDelimiter.detect(path: path, header: headerText, fallback: .whitespace)
        let first = try FieldCursor.strings(of: headerText, delimiter: delimiter, file: path, line: line)
        if headerless, first.count >= 3, first.dropFirst(2).allSatisfy({ LabelTable.number($0) != nil }) {
            header = ["FID", "IID"] + (1 ... first.count - 2).map { "PC\($0)" }
            isPLINK = true
            pending = (first, line)
            return
        }
        header = first
        headerLine = line
        let upper = header.map { $0.uppercased() }
        if header.count >= 2 && ["FID", "#FID"].contains(upper[0]) && upper[1] == "IID" {
            isPLINK = true
            header[0] = "FID"
        } else if upper.first == "#IID" {
            isPLINK = true
            header[0] = "IID"
        }
    }

    /// Where the file describes its columns, for messages: the header line, or line 1.
    var headerLocation: String { "line \(headerLine > 0 ? headerLine : pending?.line ?? 1)" }

    /// The default sample id column: IID in PLINK layouts, else the first.
    var defaultSampleColumn: Int { isPLINK ? header.firstIndex(of: "IID") ?? 0 : 0 }

    /// Columns that identify a sample rather than describe it: the sample id column, and
    /// FID and SID in PLINK layouts.
    func identifierColumns(sampleColumn: Int) -> Set<Int> {
        var ids: Set<Int> = [sampleColumn]
        if isPLINK { for (i, name) in header.enumerated() where ["FID", "IID", "SID"].contains(name.uppercased()) { ids.insert(i) } }
        return ids
    }

    /// The column named `spec` (exact, then ignoring case) or at 1-based index `spec`; nil
    /// when not given. `option` is the flag that named it, for the message.
    func resolve(_ spec: String?, role columnRole: String, option: String) throws -> Int? {
        guard let spec else { return nil }
        if let i = header.firstIndex(of: spec) { return i }
        let folded = header.indices.filter { header[$0].lowercased() == spec.lowercased() }
        if folded.count == 1 { return folded[0] }
        if let k = Int(spec), k >= 1, k <= header.count { return k - 1 }
        throw InputError(file: path, location: headerLocation,
                         "no \(columnRole) column '\(spec)' (\(option)); available columns: \(Self.list(header)); give a name or a 1-based index")
    }

    /// Reads every row: its sample id (column `sampleColumn`) and all its fields. Throws for
    /// ragged rows, empty or missing sample ids, duplicate ids, and a file without rows.
    mutating func readRows(sampleColumn: Int) throws -> (ids: [String], rows: [[String]], lines: [Int]) {
        var ids: [String] = [], rows: [[String]] = [], lineNumbers: [Int] = []
        var firstLine: [String: Int] = [:]
        func add(_ row: [String], _ n: Int) throws {
            if row.count != header.count {
                throw InputError(file: path, location: "line \(n)",
                                 "expected \(header.count) fields (\(headerLine > 0 ? "header" : "line \(pending?.line ?? 1)") has \(header.count)), found \(row.count)")
            }
            let id = row[sampleColumn]
            if id.isEmpty || LabelTable.isMissingText(id) {
                throw InputError(file: path, location: "line \(n), column \(header[sampleColumn])",
                                 "the sample id is '\(id)'; expected a sample id")
            }
            if let first = firstLine.updateValue(n, forKey: id) {
                throw InputError(file: path, location: "line \(n), column \(header[sampleColumn])",
                                 "duplicate sample id '\(id)' (first on line \(first)); expected one row per sample in the \(role)")
            }
            ids.append(id)
            rows.append(row)
            lineNumbers.append(n)
        }
        if let (fields, n) = pending { try add(fields, n); pending = nil }
        while let line = try lines.nextLine() {
            if LineReader.isBlank(line) { continue }
            let n = lines.lineNumber
            try add(try FieldCursor.strings(of: line, delimiter: delimiter, file: path, line: n), n)
        }
        if ids.isEmpty {
            throw InputError(file: path, location: headerLocation,
                             "the \(role) has a header but no rows; expected one row per sample")
        }
        return (ids, rows, lineNumbers)
    }

    /// Quoted names, at most `MessageText`'s bounded number of them.
    static func list(_ names: [String]) -> String {
        MessageText.list(names.map { "'\($0)'" })
    }
}
