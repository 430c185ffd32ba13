/// Reads AnnData `.h5ad` files: the matrix `/X` (or `/layers/<options.decoding.layer>`) dense, CSR or
/// CSC, sample ids from the obs index, feature ids from the var index (names from a
/// `gene_symbols` column when present), and every obs column as a sample annotation.
public struct AnnDataReader: MatrixReader {
    public static let formatName = "h5ad"
    public let path: String

    public init(path: String) { self.path = path }

    public func load(options: ReaderOptions) throws -> LoadedMatrix {
        let file = try HDF5File(path: path)
        let (obs, vars, matrix) = try open(file, options: options)
        let sampleIDs = try obs.readIndex()
        let featureIDs = try vars.readIndex()
        let names = try vars.readColumn("gene_symbols")
        let features = featureIDs.indices.map { FeatureInfo(id: featureIDs[$0], name: names?[$0] ?? featureIDs[$0]) }
        if case .sparse = matrix {  // a dense X larger than the budget goes to disk instead
            try options.decoding.memoryBudget.check(try estimatedBytes(matrix), file: path, what: "the matrix \(matrix.path)")
        }
        let store = try matrix.load(budget: options.decoding.memoryBudget)
        var notes = ["matrix: \(matrix.path)"]
        notes += obs.skipped.map { "obs column not read: \($0)" }
        return try LoadedMatrix(kind: .anndata, format: Self.formatName, sampleIDs: sampleIDs, features: features, matrix: store,
                            sampleAnnotations: try obs.readColumns(), notes: notes)
            .checkingVariation(file: path, location: matrix.path)
    }

    public func inspect(options: ReaderOptions) throws -> [(String, String)] {
        let file = try HDF5File(path: path)
        let (obs, vars, matrix) = try open(file, options: options)
        var lines: [(String, String)] = [("format", Self.formatName + (file.kind(at: "/obs") == .dataset ? " (anndata 0.6 layout)" : ""))]
        lines.append(("shape", InspectText.shape(samples: obs.count, features: vars.count)))
        lines.append(("orientation", "samples-by-features (obs x var)"))
        lines += try matrix.describe()
        lines.append(("sample ids", InspectText.examples(try obs.indexExamples(3), total: obs.count)))
        lines.append(("feature ids", InspectText.examples(try vars.indexExamples(3), total: vars.count)))
        lines.append(("label keys", obs.columnSummaries().joined(separator: ", ")))
        if file.kind(at: "/layers") == .group {
            let layers = try file.group("/layers").memberNames()
            if !layers.isEmpty { lines.append(("layers", layers.joined(separator: ", "))) }
        }
        if !obs.skipped.isEmpty { lines.append(("obs columns not read", obs.skipped.joined(separator: "; "))) }
        return lines
    }

    /// obs, var and the matrix element, with their dimensions checked against each other.
    private func open(_ file: HDF5File, options: ReaderOptions) throws -> (AnnDataFrame, AnnDataFrame, AnnDataMatrix) {
        let matrixPath = options.decoding.layer.map { "/layers/" + $0 } ?? "/X"
        guard file.kind(at: matrixPath) != .missing else {
            var error = file.notFound(matrixPath, expected: "matrix")
            if options.decoding.layer == nil, file.kind(at: "/layers") == .group,
               let layers = try? file.group("/layers").memberNames(), !layers.isEmpty {
                error.message += " (this h5ad has no X; its layers are: \(layers.joined(separator: ", ")); choose one with --layer)"
            }
            throw error
        }
        let matrix = try AnnDataMatrix.open(file, path: matrixPath)
        let obs = try AnnDataFrame(file: file, key: "obs")
        let vars = try AnnDataFrame(file: file, key: "var")
        let shape = matrix.shape
        guard shape.rows == obs.count, shape.columns == vars.count else {
            throw InputError(file: path, location: matrix.path,
                             "is \(shape.rows) x \(shape.columns) but obs has \(obs.count) rows and var has \(vars.count); expected obs x var")
        }
        return (obs, vars, matrix)
    }

    /// The store's size; nil when sizes declared by a damaged file overflow.
    private func estimatedBytes(_ matrix: AnnDataMatrix) throws -> Int? {
        switch matrix {
        case .dense(let d): return MemoryBudget.size(count: d.count, stride: 4)
        case .sparse(let g, _, let rows, _):
            return MemoryBudget.csrSize(rows: rows, storedValues: try g.dataset("data").count)
        }
    }
}
