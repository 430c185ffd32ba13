/// The meta-information lines (`##...`) and the `#CHROM` column line of a VCF.
public struct VCFHeader: Sendable {
    /// `##fileformat=` value, e.g. "VCFv4.2".
    public var fileFormat: String?
    /// Contig ids declared by `##contig=<ID=...>` lines, in file order.
    public var contigs: [String] = []
    /// FORMAT field ids declared by `##FORMAT=<ID=...>` lines, in file order.
    public var formatFields: [String] = []
    /// Sample ids: the `#CHROM` line columns after FORMAT.
    public var sampleIDs: [String] = []
    /// Line number of the `#CHROM` line (data records start after it).
    public var columnLine = 0

    /// The eight fixed columns, FORMAT, then the samples.
    static let fixedColumns = ["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT"]

    /// Reads header lines from `lines` up to and including `#CHROM`.
    static func read(from source: VCFSource) throws -> VCFHeader {
        let lines = source.lines, path = source.path
        var header = VCFHeader()
        while var line = try source.nextLine() {
            if lines.lineNumber == 1 {
                if line.starts(with: LineReader.byteOrderMark) { line = UnsafeBufferPointer(rebasing: line[3...]) }
                if let problem = TextSniffer.problem(firstLine: line) {
                    throw InputError(file: path, location: "line 1", problem)
                }
            }
            if line.starts(with: "##".utf8) {
                let text = String(decoding: line, as: UTF8.self)
                if text.hasPrefix("##fileformat=") {
                    header.fileFormat = String(text.dropFirst("##fileformat=".count))
                } else if let id = metaID(text, key: "contig") {
                    header.contigs.append(id)
                } else if let id = metaID(text, key: "FORMAT") {
                    header.formatFields.append(id)
                }
                continue
            }
            let location = "line \(lines.lineNumber)"
            guard line.starts(with: "#CHROM".utf8) else {
                let found = line.isEmpty ? "an empty line" : "\"\(String(decoding: line.prefix(40), as: UTF8.self))\""
                throw InputError(file: path, location: location,
                                 "missing #CHROM header line: found \(found) where the VCF column header \"#CHROM POS ID REF ALT QUAL FILTER INFO FORMAT sample...\" was expected")
            }
            let columns = line.split(separator: 0x09, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            for (i, expected) in fixedColumns.enumerated() where i < columns.count && columns[i] != expected {
                throw InputError(file: path, location: "\(location), column \(i + 1)",
                                 "#CHROM header column \(i + 1) is \"\(columns[i])\", expected \"\(expected)\"")
            }
            guard columns.count > fixedColumns.count else {
                throw InputError(file: path, location: location,
                                 "no samples: the #CHROM header has \(columns.count) columns and no sample columns after \(columns.count < 9 ? "INFO (a sites-only VCF)" : "FORMAT"); genotypes are needed")
            }
            header.sampleIDs = Array(columns[fixedColumns.count...])
            var seen = Set<String>()
            for (i, id) in header.sampleIDs.enumerated() where !seen.insert(id).inserted {
                throw InputError(file: path, location: "\(location), column \(fixedColumns.count + i + 1)",
                                 "sample id \"\(id)\" occurs twice in the #CHROM header; sample ids must be unique")
            }
            header.columnLine = lines.lineNumber
            return header
        }
        throw InputError(file: path, location: "line \(lines.lineNumber)",
                         lines.lineNumber == 0 ? "file is empty, expected a VCF"
                             : "missing #CHROM header line: the file ended after \(lines.lineNumber) meta lines")
    }

    /// The ID of a structured meta line `##key=<ID=...,...>`.
    private static func metaID(_ text: String, key: String) -> String? {
        let prefix = "##\(key)=<ID="
        guard text.hasPrefix(prefix) else { return nil }
        return String(text.dropFirst(prefix.count).prefix { $0 != "," && $0 != ">" })
    }
}
