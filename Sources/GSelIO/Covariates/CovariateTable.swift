/// Per-sample covariates as written, before encoding: columns of text values keyed by
/// sample id, read from a covariate file (`load`, any layout `SampleTableReader` reads,
/// PLINK `.eigenvec` and `--covar` files included) or from per-sample annotations of the
/// input (`annotations`, h5ad obs columns or loom col_attrs). `encode` aligns them with
/// the samples and turns them into model columns.
///
/// Missing values (nil): empty, `NA`, `N/A`, `NaN` (any case), and `-9` in PLINK layouts,
/// as PLINK reads its covariate files.
public struct CovariateTable: Sendable {
    /// The covariate file, or the input file for annotations; named in error messages.
    public let source: String
    /// Name of the sample id column.
    public let sampleColumn: String
    public let sampleIDs: [String]
    /// Covariate names, in the order given (or of the file).
    public let names: [String]
    /// `values[c][i]`: covariate `c` of sample id `i`, nil when missing.
    public let values: [[String?]]
    /// 1-based line of each sample id's row; nil for annotations.
    public let lines: [Int]?
    /// Where the names are (the header line), for messages about a whole column.
    let headerLocation: String?

    init(source: String, sampleColumn: String, sampleIDs: [String], names: [String], rawValues: [[String]],
         lines: [Int]?, headerLocation: String?, isPLINK: Bool) {
        self.source = source
        self.sampleColumn = sampleColumn
        self.sampleIDs = sampleIDs
        self.names = names
        self.values = rawValues.map { column in
            column.map { text in
                LabelTable.isMissingText(text) || (isPLINK && LabelTable.number(text) == -9) ? nil : text
            }
        }
        self.lines = lines
        self.headerLocation = headerLocation
    }

    /// Reads the covariate file at `path` (plain or gzip). `columns` are names or 1-based
    /// indices; nil takes every column but the sample id (and FID/SID in PLINK layouts)
    /// and the names in `excluding` (the label column when labels come from the same file).
    public static func load(path: String, columns: [String]?, excluding: Set<String> = []) throws -> CovariateTable {
        var file = try SampleTableReader(path: path, role: "covariate file", headerless: true)
        let sample = file.defaultSampleColumn
        let identifiers = file.identifierColumns(sampleColumn: sample)
        var chosen: [Int] = []
        if let columns {
            for spec in columns {
                let i = try file.resolve(spec, role: "covariate", option: "--covariate-cols")!
                if identifiers.contains(i) {
                    throw InputError(file: path, location: file.headerLocation,
                                     "column '\(file.header[i])' identifies samples; expected covariate columns (--covariate-cols)")
                }
                if chosen.contains(i) {
                    throw InputError(file: path, location: file.headerLocation,
                                     "column '\(file.header[i])' is listed twice in --covariate-cols")
                }
                chosen.append(i)
            }
        } else {
            chosen = file.header.indices.filter { !identifiers.contains($0) && !excluding.contains(file.header[$0]) }
        }
        if chosen.isEmpty {
            throw InputError(file: path, location: file.headerLocation,
                             "no covariate columns: the header has only \(SampleTableReader.list(file.header)); expected a sample id column and covariate columns")
        }
        let (ids, rows, lines) = try file.readRows(sampleColumn: sample)
        return CovariateTable(source: path, sampleColumn: file.header[sample], sampleIDs: ids,
                              names: chosen.map { file.header[$0] }, rawValues: chosen.map { c in rows.map { $0[c] } },
                              lines: lines, headerLocation: file.headerLocation, isPLINK: file.isPLINK)
    }

    /// The per-sample annotations `keys` of `matrix` (read from `file`).
    public static func annotations(_ keys: [String], of matrix: LoadedMatrix, file: String) throws -> CovariateTable {
        var seen: Set<String> = []
        let columns = try keys.map { key -> [String] in
            guard seen.insert(key).inserted else {
                throw InputError(file: file, "annotation '\(key)' is listed twice in --covariate-keys")
            }
            return try matrix.sampleAnnotation(key, file: file, option: "--covariate-keys").map { $0 ?? "" }
        }
        return CovariateTable(source: file, sampleColumn: "sample id", sampleIDs: matrix.sampleIDs, names: keys,
                              rawValues: columns, lines: nil, headerLocation: nil, isPLINK: false)
    }

    /// Where the value of covariate `c` for sample id entry `i` is, for messages.
    func location(covariate c: Int, entry i: Int) -> String {
        if let lines { return "line \(lines[i]), column \(names[c])" }
        return "\(names[c]), sample \(sampleIDs[i])"
    }

    /// Where covariate `c` is named, for messages about the whole column.
    public func location(covariate c: Int) -> String {
        headerLocation.map { "\($0), column \(names[c])" } ?? names[c]
    }
}
