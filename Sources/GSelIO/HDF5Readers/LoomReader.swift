/// Reads loom files: `/matrix` (or `/layers/<options.decoding.layer>`), genes x cells, dense;
/// sample ids from `/col_attrs/CellID`, feature ids from `/row_attrs/Accession` (else `Gene`),
/// names from `/row_attrs/Gene`; every one-dimensional col_attr is a sample annotation.
public struct LoomReader: DenseHDF5MatrixReader {
    public static let formatName = "loom"
    public let path: String

    public init(path: String) { self.path = path }

    public func load(options: ReaderOptions) throws -> LoadedMatrix {
        let (file, matrix) = try openLoadableMatrix(options: options)
        let (genes, cells) = (matrix.shape[0], matrix.shape[1])
        var notes = ["matrix: \(matrix.path) (genes x cells)"]
        let columns = try attributes(file, group: "/col_attrs", count: cells)
        let rows = try attributes(file, group: "/row_attrs", count: genes)
        let sampleIDs = try ids(file, ["/col_attrs/CellID"], values: columns, count: cells, prefix: "sample_", what: "cell", notes: &notes)
        let featureIDs = try ids(file, ["/row_attrs/Accession", "/row_attrs/Gene"], values: rows, count: genes, prefix: "feature_", what: "gene", notes: &notes)
        let names = rows["Gene"]
        let features = featureIDs.indices.map { FeatureInfo(id: featureIDs[$0], name: names?[$0] ?? featureIDs[$0]) }
        let store = try HDF5DenseLoader.load(matrix, samplesAreRows: false, budget: options.decoding.memoryBudget)
        return try LoadedMatrix(kind: .loom, format: Self.formatName, sampleIDs: sampleIDs, features: features, matrix: store,
                            sampleAnnotations: columns, notes: notes)
            .checkingVariation(file: path, location: matrix.path)
    }

    public func inspect(options: ReaderOptions) throws -> [(String, String)] {
        let file = try HDF5File(path: path)
        let matrix = try matrixDataset(file, options: options)
        let (genes, cells) = (matrix.shape[0], matrix.shape[1])
        var lines: [(String, String)] = [("format", Self.formatName)]
        lines.append(("shape", InspectText.shape(samples: cells, features: genes)))
        lines.append(("orientation", "features-by-samples (genes x cells) in the file; read transposed"))
        lines.append(("matrix", "\(matrix.path): dense \(matrix.summary)"))
        lines.append(("storage", "\(matrix.path): \(matrix.storage()?.description ?? "unknown")"))
        let cellIDs = file.kind(at: "/col_attrs/CellID") == .dataset ? try file.dataset("/col_attrs/CellID").readStrings(rows: 0 ..< min(3, cells)) : []
        lines.append(("sample ids", InspectText.examples(cellIDs.map(XMLCharacterReferences.unescape), total: cells)))
        for key in ["Accession", "Gene"] where file.kind(at: "/row_attrs/\(key)") == .dataset {
            let examples = try file.dataset("/row_attrs/\(key)").readStrings(rows: 0 ..< min(3, genes))
            lines.append(("feature ids", InspectText.examples(examples.map(XMLCharacterReferences.unescape), total: genes) + " (/row_attrs/\(key))"))
            break
        }
        lines.append(("label keys", try summaries(file, group: "/col_attrs", count: cells).joined(separator: ", ")))
        if file.kind(at: "/layers") == .group {
            let layers = try file.group("/layers").memberNames()
            if !layers.isEmpty { lines.append(("layers", layers.joined(separator: ", "))) }
        }
        return lines
    }

    func matrixDataset(_ file: HDF5File, options: ReaderOptions) throws -> HDF5Dataset {
        let layer = options.decoding.layer ?? ""
        let path = layer.isEmpty || layer == "matrix" ? "/matrix" : "/layers/" + layer
        let d = try file.dataset(path)
        try d.requireRank(2, "a two-dimensional genes x cells matrix")
        return d
    }

    /// Every one-dimensional dataset of `group` with `count` entries, as text.
    private func attributes(_ file: HDF5File, group: String, count: Int) throws -> [String: [String?]] {
        guard file.kind(at: group) == .group else { return [:] }
        let g = try file.group(group)
        var out: [String: [String?]] = [:]
        for name in try g.memberNames() where g.kind(of: name) == .dataset {
            let d = try g.dataset(name)
            guard d.rank == 1, d.rowCount == count else { continue }
            let values = try HDF5ColumnDecoder.text(d)
            if case .string = d.elementType {
                out[name] = values.map { $0.map(XMLCharacterReferences.unescape) }
            } else {
                out[name] = values
            }
        }
        return out
    }

    private func summaries(_ file: HDF5File, group: String, count: Int) throws -> [String] {
        guard file.kind(at: group) == .group else { return [] }
        let g = try file.group(group)
        return try g.memberNames().compactMap { name in
            guard g.kind(of: name) == .dataset, let d = try? g.dataset(name), d.rank == 1, d.rowCount == count else { return nil }
            return "\(name) (\(d.elementType))"
        }
    }

    /// Ids from the first of `paths` present (read into `values` by `attributes` when it has
    /// one entry per `what`), else generated `prefix1 ...`. An id dataset of the wrong length
    /// is an error, not a reason to generate ids.
    private func ids(_ file: HDF5File, _ paths: [String], values: [String: [String?]], count: Int, prefix: String,
                     what: String, notes: inout [String]) throws -> [String] {
        guard let idPath = paths.first(where: { file.kind(at: $0) != .missing }) else {
            notes.append("no \(paths.joined(separator: " or ")): ids are \(prefix)1 ... \(prefix)\(count)")
            return (0 ..< count).map { "\(prefix)\($0 + 1)" }
        }
        let name = String(idPath.split(separator: "/").last ?? "")
        guard let found = values[name] else {
            let d = try file.dataset(idPath)
            throw InputError(file: path, location: idPath,
                             "is \(d.summary), expected one id per \(what): a one-dimensional dataset of \(count) entries (the matrix is \(what == "cell" ? "genes x \(count) cells" : "\(count) genes x cells"))")
        }
        let ids = found.map { $0 ?? "" }
        try DuplicateID.requireUnique(ids, file: path, location: idPath, what: what)
        return ids
    }
}
