extension CovariateTable {
    /// Aligns the covariates with the labelled matrix rows `labelled` (by position when the
    /// ids are the very same list, as for annotations, else by id) and encodes them (see
    /// `EncodedCovariates`). Samples without a row or with a missing value are dropped and
    /// counted, or, with `required`, refused. Throws an `InputError` naming the file and the
    /// place for: a covariate that is also a feature id, no matching sample ids, a column
    /// mixing numbers and text (unless listed in `categorical`), a value outside the Float32
    /// range, and a covariate that is constant over the samples kept; a `ParameterError` for a
    /// `categorical` name that is not a covariate.
    public func encode(matrixSampleIDs: [String], rows labelled: [Int], featureIDs: [String],
                       categorical: [String] = [], required: Bool = false) throws -> EncodedCovariates {
        let features = Set(featureIDs)
        for c in names.indices where features.contains(names[c]) {
            throw InputError(file: source, location: location(covariate: c),
                             "covariate '\(names[c])' is also a feature id of the input; a feature cannot be both a candidate and a covariate (rename the column, or leave it out with --covariate-cols)")
        }
        if let unknown = categorical.first(where: { !names.contains($0) }) {
            throw ParameterError("categorical_covariates", "names '\(unknown)', which is not a covariate; covariates: \(SampleTableReader.list(names))")
        }
        let entries = try matchedEntries(matrixSampleIDs: matrixSampleIDs, labelled: labelled, required: required)
        var covariates: [EncodedCovariates.Covariate] = []
        var columns: [[Float]] = []
        for c in names.indices {
            let (covariate, values) = try encodeColumn(c, entries: entries.kept.map(\.entry),
                                                       categorical: categorical.contains(names[c]))
            covariates.append(covariate)
            columns += values
        }
        let rowCount = matrixSampleIDs.count
        var values = [Float](repeating: .nan, count: rowCount * columns.count)
        for (c, column) in columns.enumerated() {
            for (k, kept) in entries.kept.enumerated() { values[c * rowCount + kept.row] = column[k] }
        }
        let described = covariates.map { v in
            v.kind == .numeric ? "\(v.name) numeric" : "\(v.name) categorical (\(v.levels.count) levels, reference \(v.reference!))"
        }
        var notes = ["covariates: \(described.joined(separator: "; ")) from \(source); \(columns.count) model columns"]
        if entries.notInTable > 0 { notes.append("\(entries.notInTable) labelled samples have no covariate row and are dropped") }
        if entries.missing > 0 { notes.append("\(entries.missing) labelled samples have a missing covariate value and are dropped") }
        if entries.unmatched > 0 { notes.append("\(entries.unmatched) covariate rows match no sample and are ignored") }
        return EncodedCovariates(source: source, covariates: covariates, rowCount: rowCount, values: values,
                                 rows: entries.kept.map(\.row), samplesNotInCovariates: entries.notInTable,
                                 samplesWithMissingCovariate: entries.missing, notes: notes)
    }

    /// The labelled rows with every covariate present and their entries in this table, and
    /// the counts of what was left out.
    private func matchedEntries(matrixSampleIDs: [String], labelled: [Int], required: Bool) throws
        -> (kept: [(row: Int, entry: Int)], notInTable: Int, missing: Int, unmatched: Int) {
        var index: [String: Int] = [:]
        let positional = matrixSampleIDs == sampleIDs
        if !positional {
            index.reserveCapacity(sampleIDs.count)
            for (i, id) in sampleIDs.enumerated() { index[id] = i }
        }
        var kept: [(row: Int, entry: Int)] = []
        var absent: [Int] = [], missing: [(row: Int, entry: Int, covariate: Int)] = []
        for row in labelled {
            guard let entry = positional ? row : index[matrixSampleIDs[row]] else { absent.append(row); continue }
            if let c = names.indices.first(where: { values[$0][entry] == nil }) {
                missing.append((row, entry, c))
            } else {
                kept.append((row, entry))
            }
        }
        if absent.count == labelled.count {
            throw InputError(file: source, location: "column \(sampleColumn)",
                             "none of the \(sampleIDs.count) covariate sample ids matches any of the \(labelled.count) labelled samples of the input; covariate ids: \(Self.examples(sampleIDs)); sample ids: \(Self.examples(labelled.map { matrixSampleIDs[$0] }))")
        }
        if required, let first = absent.first {
            let others = absent.count > 1 ? " and \(absent.count - 1) more of the \(labelled.count) labelled samples have" : " has"
            throw InputError(file: source, "sample '\(matrixSampleIDs[first])'\(others) no row; --covariates-required expects covariates for every labelled sample")
        }
        if required, let first = missing.first {
            throw InputError(file: source, location: location(covariate: first.covariate, entry: first.entry),
                             "sample '\(matrixSampleIDs[first.row])' has a missing value\(missing.count > 1 ? " (\(missing.count) labelled samples have missing values)" : ""); --covariates-required expects every covariate of every labelled sample")
        }
        if kept.isEmpty {
            throw InputError(file: source, "none of the \(labelled.count) labelled samples has every covariate (\(absent.count) have no row, \(missing.count) a missing value); expected covariate values for the samples")
        }
        var unmatched = 0
        if !positional {
            let ids = Set(matrixSampleIDs)
            unmatched = sampleIDs.reduce(0) { $0 + (ids.contains($1) ? 0 : 1) }
        }
        return (kept, absent.count, missing.count, unmatched)
    }

    /// Covariate `c` over the table entries `entries` (all present): its description and
    /// its model columns (one per column, in entry order).
    private func encodeColumn(_ c: Int, entries: [Int], categorical forced: Bool) throws
        -> (EncodedCovariates.Covariate, [[Float]]) {
        let texts = entries.map { values[c][$0]! }
        let numbers = texts.map(LabelTable.number)
        let numericCount = numbers.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        let name = names[c]
        if !forced && numericCount > 0 && numericCount < texts.count {
            let k = numbers.firstIndex { $0 == nil }!
            if LabelTable.isInfinite(texts[k]) {
                throw InputError(file: source, location: location(covariate: c, entry: entries[k]),
                                 "found '\(MessageText.value(texts[k]))' in covariate '\(name)', expected a finite number (empty, NA or NaN mark a missing value)")
            }
            throw InputError(file: source, location: location(covariate: c, entry: entries[k]),
                             "found '\(texts[k])' in covariate '\(name)', whose other values include \(numericCount) numbers; expected a number or a missing value (NA), or list '\(name)' in --categorical-covariates to treat its values as categories")
        }
        if !forced && numericCount == texts.count {
            var column = [Float](repeating: 0, count: texts.count)
            for (k, d) in numbers.enumerated() {
                column[k] = Float(d!)
                if !column[k].isFinite {
                    throw InputError(file: source, location: location(covariate: c, entry: entries[k]),
                                     "found '\(texts[k])', outside the Float32 range (about ±3.4e38)")
                }
            }
            if column.allSatisfy({ $0 == column[0] }) { throw constant(c, value: texts[0], count: texts.count) }
            return (.init(name: name, kind: .numeric, levels: [], columns: [name]), [column])
        }
        let levels = Self.sortedLevels(texts, numeric: numericCount == texts.count)
        if levels.count < 2 { throw constant(c, value: texts[0], count: texts.count) }
        if levels.count == texts.count && texts.count > 2 {
            throw InputError(file: source, location: location(covariate: c),
                             "covariate '\(name)' has a different value for each of the \(texts.count) samples used ('\(MessageText.value(texts[0]))', '\(MessageText.value(texts[1]))', ...): as a category it would take \(texts.count - 1) model columns, one per sample but one, and explain any phenotype; expected repeated levels (batch, sex), a number, or leave it out (--covariate-cols)")
        }
        let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        var columns = [[Float]](repeating: [Float](repeating: 0, count: texts.count), count: levels.count - 1)
        for (k, text) in texts.enumerated() {
            let level = index[text]!
            if level > 0 { columns[level - 1][k] = 1 }
        }
        return (.init(name: name, kind: .categorical, levels: levels, columns: levels.dropFirst().map { "\(name)=\($0)" }),
                columns)
    }

    private func constant(_ c: Int, value: String, count: Int) -> InputError {
        InputError(file: source, location: location(covariate: c),
                   "covariate '\(names[c])' has the same value ('\(value)') for all \(count) samples used; a constant covariate explains nothing: leave it out (--covariate-cols)")
    }

    /// Distinct levels in sorted order: by value when every level is a number, else by text.
    static func sortedLevels(_ texts: [String], numeric: Bool) -> [String] {
        let distinct = Array(Set(texts))
        guard numeric else { return distinct.sorted() }
        return distinct.sorted { a, b in
            let (x, y) = (LabelTable.number(a)!, LabelTable.number(b)!)
            return x != y ? x < y : a < b
        }
    }

    static func examples(_ ids: [String]) -> String {
        ids.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (ids.count > 5 ? ", ..." : "")
    }
}
