/// Reads a delimited text matrix (`.tsv`, `.csv`, `.txt`, plain or gzip): a header row of
/// ids, then one row per sample or per feature with its id in the first column.
///
/// - Delimiter: comma for `.csv`; otherwise tab, or comma when the header has commas and no tabs.
///   Quoted fields (`"id"`, `""` for a quote) are unquoted.
/// - Orientation: `options.decoding.layout`, else the axis whose ids match more of
///   `options.labelSampleIDs` holds the samples; without label ids, samples-by-features.
/// - Missing values: empty cells, `NA`, `N/A`, `NaN` (any case) become NaN.
/// - A header with one field fewer than the rows (R `write.table`) has no corner cell.
///
/// Rows are streamed; only the Float32 values and the ids are kept.
public struct DelimitedReader: MatrixReader {
    public static let formatName = "delimited text"
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func load(options: ReaderOptions) throws -> LoadedMatrix {
        let scanner = try DelimitedTableScanner(path: path, threads: options.threads,
                                                maxLineBytes: LineReader.maxLineBytes(budget: options.decoding.memoryBudget))
        var values: [Float] = []
        var spill: StoreSpill<Float>?
        var missing = 0
        while let row = try scanner.nextRow() {
            let width = scanner.columnIDs.count
            if spill == nil { spill = StoreSpill(budget: options.decoding.memoryBudget, recordLength: width, source: path) }
            try spill?.makeRoom(in: &values)
            var cursor = row.cursor
            do {
                for j in 0 ..< width {
                    if let v = cursor.nextPlainNumber() {
                        values.append(v)
                        continue
                    }
                    guard let field = try cursor.next() else {
                        throw raggedRow(scanner, line: row.line, found: j + 1)
                    }
                    guard let v = FieldParsing.cellValue(field.bytes) else {
                        throw badCell(scanner, line: row.line, column: j, field: field)
                    }
                    if v.isNaN { missing += 1 }
                    values.append(v)
                }
                if try cursor.next() != nil {
                    throw raggedRow(scanner, line: row.line, found: width + 2 + cursor.countRemaining())
                }
            } catch let error as FieldSyntaxError {
                throw InputError(file: path, location: "line \(row.line), field \(error.field)", error.message)
            }
        }
        let (layout, reason) = try scanner.finish(options: options)
        let rowIDs = scanner.rowIDs, columnIDs = scanner.columnIDs
        let matrix: any FeatureMatrix
        let sampleIDs: [String], featureIDs: [String]
        let onDisk = try spill?.finish(values, order: layout == .samplesByFeatures ? .samples : .features)
        switch layout {
        case .samplesByFeatures:
            matrix = onDisk ?? DenseMatrix(rows: rowIDs.count, columns: columnIDs.count, values: values)
            (sampleIDs, featureIDs) = (rowIDs, columnIDs)
        case .featuresBySamples:
            matrix = onDisk ?? DenseMatrix(rows: columnIDs.count, columns: rowIDs.count, featureMajor: values)
            (sampleIDs, featureIDs) = (columnIDs, rowIDs)
        }
        return try LoadedMatrix(kind: .delimited, format: scanner.delimiter == .comma ? "csv" : "tsv",
                            sampleIDs: sampleIDs,
                            features: featureIDs.map { FeatureInfo(id: $0) },
                            matrix: matrix,
                            counters: ["missing_values": missing],
                            notes: ["layout: \(layout.rawValue) (\(reason))"] + scanner.notes)
            .checkingVariation(file: path)
    }

    public func inspect(options: ReaderOptions) throws -> [(String, String)] {
        let scanner = try DelimitedTableScanner(path: path, threads: options.threads,
                                                maxLineBytes: LineReader.maxLineBytes(budget: options.decoding.memoryBudget))
        while try scanner.nextRow() != nil {}
        let (layout, reason) = try scanner.finish(options: options)
        let (samples, features) = layout == .samplesByFeatures
            ? (scanner.rowIDs, scanner.columnIDs) : (scanner.columnIDs, scanner.rowIDs)
        func examples(_ ids: [String]) -> String {
            ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", ..." : "")
        }
        return [
            ("format", scanner.delimiter == .comma ? "csv" : "tsv"),
            ("compression", scanner.compression.rawValue),
            ("delimiter", scanner.delimiter.rawValue),
            ("table", "\(scanner.rowIDs.count) data rows x \(scanner.columnIDs.count) value columns"),
            ("layout", "\(layout.rawValue) (\(reason))"),
            ("samples", "\(samples.count)"),
            ("features", "\(features.count)"),
            ("sample ids", examples(samples)),
            ("feature ids", examples(features)),
        ]
    }

    private func raggedRow(_ scanner: DelimitedTableScanner, line: Int, found: Int) -> InputError {
        let expected = scanner.expectedFieldCount
        let header = scanner.headerHasCorner ? "header has \(expected)" : "header has \(expected - 1) ids plus the row id"
        return InputError(file: path, location: "line \(line)",
                          "expected \(expected) fields (\(header)), found \(found)")
    }

    private func badCell(_ scanner: DelimitedTableScanner, line: Int, column: Int, field: FieldCursor.Field) -> InputError {
        let text = field.string
        let shown = text.count > 40 ? String(text.prefix(40)) + "..." : text
        let location = "line \(line), column \(scanner.columnIDs[column])"
        if FieldParsing.parseDecimal(field.bytes) != nil {
            return InputError(file: path, location: location,
                              "found '\(shown)', outside the Float32 range (about ±3.4e38); expected a smaller number")
        }
        return InputError(file: path, location: location,
                          "found '\(shown)', expected a number (missing values: empty, NA or NaN)")
    }
}
