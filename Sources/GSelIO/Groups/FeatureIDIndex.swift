/// Feature id → input index (the first one for an id listed twice): how the group file, the
/// include list and the cost table find the input's features.
enum FeatureIDIndex {
    static func firstIndices(_ featureIDs: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(featureIDs.count)
        for (j, id) in featureIDs.enumerated() where index[id] == nil { index[id] = j }
        return index
    }
}

/// The rows of a file that lists feature ids in its first column (`--groups`, `--include`,
/// `--costs`): text (plain, gzip or BGZF) read line by line, blank lines (and, with
/// `comments`, lines starting with `#`) skipped, fields split by the delimiter the first row
/// shows (tab, comma, else whitespace). What a row means, and its errors, are the caller's.
enum FeatureIDRows {
    /// Calls `row` with each row's line number, its fields and whether it is the file's
    /// first row (which may be a header).
    static func forEach(path: String, comments: Bool,
                        _ row: (_ line: Int, _ fields: [String], _ isFirst: Bool) throws -> Void) throws {
        let lines = try TextStream.lines(path: path)
        var delimiter: TextDelimiter?
        var first = try lines.firstNonBlankLine()
        while let text = try first.take() ?? lines.nextLine() {
            let n = lines.lineNumber
            if LineReader.isBlank(text) || (comments && text.first(where: { $0 != 0x20 && $0 != 0x09 }) == 0x23) { continue }
            let d = delimiter ?? TextDelimiter.detect(path: path, header: text, fallback: .whitespace)
            let isFirst = delimiter == nil
            delimiter = d
            try row(n, try FieldCursor.strings(of: text, delimiter: d, file: path, line: n), isFirst)
        }
    }
}
