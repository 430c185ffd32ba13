/// Reads the header and the chosen two columns of a label file.
struct LabelFileReader {
    let path: String

    func read(sampleColumn: String?, labelColumn: String?) throws -> LabelTable {
        let lines = try LineReader(path: path)
        guard let headerText = try lines.firstNonBlankLine() else {
            throw InputError(file: path, "the label file is empty; expected a header row naming the sample id and label columns")
        }
        let headerLine = lines.lineNumber
        let delimiter = TextDelimiter.detect(path: path, header: headerText, fallback: .whitespace)
        var header = try FieldCursor.strings(of: headerText, delimiter: delimiter, file: path, line: headerLine)
        let isPLINK = header.count >= 2 && ["FID", "#FID"].contains(header[0].uppercased()) && header[1].uppercased() == "IID"
        if isPLINK { header[0] = "FID" }
        let sampleIndex = try resolve(sampleColumn, role: "sample id", option: "--sample-col", header: header, line: headerLine)
            ?? (isPLINK ? 1 : 0)
        let labelIndex = try resolve(labelColumn, role: "label", option: "--label-col", header: header, line: headerLine)
            ?? defaultLabelColumn(header: header, sampleIndex: sampleIndex, isPLINK: isPLINK, line: headerLine)
        if labelIndex == sampleIndex {
            throw InputError(file: path, location: "line \(headerLine)",
                             "column '\(header[labelIndex])' is chosen both as the sample id and as the label column; expected two different columns")
        }

        var ids: [String] = [], values: [String?] = [], lineNumbers: [Int] = []
        var firstLine: [String: Int] = [:]
        while let line = try lines.nextLine() {
            if LineReader.isBlank(line) { continue }
            let n = lines.lineNumber
            let row = try FieldCursor.strings(of: line, delimiter: delimiter, file: path, line: n)
            if row.count != header.count {
                throw InputError(file: path, location: "line \(n)",
                                 "expected \(header.count) fields (header has \(header.count)), found \(row.count)")
            }
            let id = row[sampleIndex]
            if id.isEmpty || LabelTable.isMissingText(id) {
                throw InputError(file: path, location: "line \(n), column \(header[sampleIndex])",
                                 "the sample id is '\(id)'; expected a sample id")
            }
            if let first = firstLine.updateValue(n, forKey: id) {
                throw InputError(file: path, location: "line \(n), column \(header[sampleIndex])",
                                 "duplicate sample id '\(id)' (first on line \(first)); expected one label row per sample")
            }
            ids.append(id)
            values.append(row[labelIndex])
            lineNumbers.append(n)
        }
        if ids.isEmpty {
            throw InputError(file: path, location: "line \(headerLine)",
                             "the label file has a header but no rows; expected one row per sample")
        }
        return LabelTable(source: path, sampleColumn: header[sampleIndex], labelColumn: header[labelIndex],
                          sampleIDs: ids, rawValues: values, lines: lineNumbers, isPLINK: isPLINK)
    }

    /// The column named `spec` (exact, then ignoring case) or at 1-based index `spec`; nil when not given.
    private func resolve(_ spec: String?, role: String, option: String, header: [String], line: Int) throws -> Int? {
        guard let spec else { return nil }
        if let i = header.firstIndex(of: spec) { return i }
        let folded = header.indices.filter { header[$0].lowercased() == spec.lowercased() }
        if folded.count == 1 { return folded[0] }
        if let k = Int(spec), k >= 1, k <= header.count { return k - 1 }
        throw InputError(file: path, location: "line \(line)",
                         "no \(role) column '\(spec)' (\(option)); available columns: \(Self.list(header)); give a name or a 1-based index")
    }

    /// The only column besides the sample id (and FID for PLINK files).
    private func defaultLabelColumn(header: [String], sampleIndex: Int, isPLINK: Bool, line: Int) throws -> Int {
        let candidates = header.indices.filter { $0 != sampleIndex && !(isPLINK && $0 <= 1) }
        if candidates.count == 1 { return candidates[0] }
        if candidates.isEmpty {
            throw InputError(file: path, location: "line \(line)",
                             "no label column: the header has only \(Self.list(header)) (sample ids in '\(header[sampleIndex])'); expected a sample id column and a label column")
        }
        throw InputError(file: path, location: "line \(line)",
                         "\(candidates.count) possible label columns: \(Self.list(candidates.map { header[$0] })); choose one with --label-col")
    }

    private static func list(_ names: [String]) -> String {
        MessageText.list(names.map { "'\($0)'" })
    }
}
