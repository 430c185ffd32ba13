extension VCFReader {
    /// Header facts plus one fast pass over the records (fixed columns only, genotypes not decoded)
    /// to count them and list the FORMAT layouts and chromosomes they use.
    public func inspect(options: ReaderOptions) throws -> [(String, String)] {
        let source = try VCFSource(path: path, threads: options.threads,
                                   maxLineBytes: LineReader.maxLineBytes(budget: options.decoding.memoryBudget))
        let header = try VCFHeader.read(from: source)
        let parser = VCFLineParser(path: path, sampleIDs: header.sampleIDs, field: "GT")
        var records = 0, altDot = 0
        var firstRecords: [String] = []
        var formats: [String] = [], chromosomes: [String] = []
        var lastFormat: [UInt8] = [], lastChrom: [UInt8] = []
        while let line = try source.nextLine() {
            if line.isEmpty { continue }
            let record = try parser.record(line, lineNumber: source.lines.lineNumber)
            records += 1
            if record.altCount == 0 { altDot += 1 }
            if firstRecords.count < 3 {
                var p = parser
                let feature = p.feature(line, record)
                firstRecords.append(feature.name == feature.id ? feature.id : "\(feature.id) (\(feature.name))")
            }
            let format = UnsafeBufferPointer(rebasing: line[record.format])
            if !format.elementsEqual(lastFormat) {
                lastFormat = Array(format)
                let text = String(decoding: format, as: UTF8.self)
                if !formats.contains(text) { formats.append(text) }
            }
            let chrom = UnsafeBufferPointer(rebasing: line[record.chrom])
            if !chrom.elementsEqual(lastChrom) {
                lastChrom = Array(chrom)
                let text = String(decoding: chrom, as: UTF8.self)
                if !chromosomes.contains(text) { chromosomes.append(text) }
            }
        }
        var info: [(String, String)] = [
            ("format", "VCF (\(source.compression.rawValue))"),
            ("file format", header.fileFormat ?? "not declared (no ##fileformat line)"),
            ("samples", "\(header.sampleIDs.count)"),
            ("sample ids", Self.examples(header.sampleIDs)),
            ("contigs (header)", header.contigs.isEmpty ? "none declared" : "\(header.contigs.count): \(Self.examples(header.contigs, limit: 10))"),
            ("FORMAT fields (header)", header.formatFields.isEmpty ? "none declared" : header.formatFields.joined(separator: ", ")),
            ("FORMAT layouts (records)", formats.isEmpty ? "none" : Self.examples(formats, limit: 10)),
            ("variant records", "\(records) (counted by a full pass over the file)"),
            ("records with ALT '.'", "\(altDot) (dropped when loading, with other monomorphic sites)"),
            ("chromosomes (records)", chromosomes.isEmpty ? "none" : "\(chromosomes.count): \(Self.examples(chromosomes, limit: 10))"),
            ("first records", firstRecords.isEmpty ? "none" : firstRecords.joined(separator: "; ")),
        ]
        if let bgzf = source.bgzf, !bgzf.hasEOFMarker {
            info.append(("warning", "no BGZF end-of-file marker block; the file may have been cut at a line boundary"))
        }
        return info
    }

    /// The first `limit` items and how many more there are.
    static func examples(_ items: [String], limit: Int = 5) -> String {
        let shown = items.prefix(limit).joined(separator: ", ")
        return items.count > limit ? "\(shown), ... (\(items.count - limit) more)" : shown
    }
}
