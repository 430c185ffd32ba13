/// Reads the sample id and label columns of a label file (through `SampleTableReader`).
struct LabelFileReader {
    let path: String

    func read(sampleColumn: String?, labelColumn: String?) throws -> LabelTable {
        var file = try SampleTableReader(path: path, role: "label file")
        let header = file.header
        let sampleIndex = try file.resolve(sampleColumn, role: "sample id", option: "--sample-col") ?? file.defaultSampleColumn
        let labelIndex = try file.resolve(labelColumn, role: "label", option: "--label-col")
            ?? defaultLabelColumn(file, sampleIndex: sampleIndex)
        if labelIndex == sampleIndex {
            throw InputError(file: path, location: file.headerLocation,
                             "column '\(header[labelIndex])' is chosen both as the sample id and as the label column; expected two different columns")
        }
        let (ids, rows, lines) = try file.readRows(sampleColumn: sampleIndex)
        return LabelTable(source: path, sampleColumn: header[sampleIndex], labelColumn: header[labelIndex],
                          sampleIDs: ids, rawValues: rows.map { $0[labelIndex] }, lines: lines, isPLINK: file.isPLINK)
    }

    /// The only column besides the sample id (and FID/SID for PLINK files).
    private func defaultLabelColumn(_ file: SampleTableReader, sampleIndex: Int) throws -> Int {
        let header = file.header
        let identifiers = file.identifierColumns(sampleColumn: sampleIndex)
        let candidates = header.indices.filter { !identifiers.contains($0) }
        if candidates.count == 1 { return candidates[0] }
        if candidates.isEmpty {
            throw InputError(file: path, location: file.headerLocation,
                             "no label column: the header has only \(SampleTableReader.list(header)) (sample ids in '\(header[sampleIndex])'); expected a sample id column and a label column")
        }
        throw InputError(file: path, location: file.headerLocation,
                         "\(candidates.count) possible label columns: \(SampleTableReader.list(candidates.map { header[$0] })); choose one with --label-col")
    }
}
