/// The AnnData matrix element (`/X` or `/layers/<name>`): a dense 2-D dataset, or a CSR/CSC
/// group (`data`, `indices`, `indptr`; attributes `encoding-type` + `shape`, or the legacy
/// `h5sparse_format` + `h5sparse_shape`). Rows are obs (samples), columns var (features).
enum AnnDataMatrix {
    case dense(HDF5Dataset)
    case sparse(HDF5Group, compressedRows: Bool, rows: Int, columns: Int)

    /// Opens the matrix element at `path`.
    static func open(_ file: HDF5File, path: String) throws -> AnnDataMatrix {
        let probed = file.probe(path)
        switch probed.kind {
        case .dataset:
            let d = try file.dataset(path)
            try d.requireRank(2, "a two-dimensional obs x var matrix")
            return .dense(d)
        case .group:
            let g = try file.group(path)
            let format: String
            if let encoding = try g.attribute("encoding-type") {
                format = try encoding.string()
            } else if let legacy = try g.attribute("h5sparse_format") {
                format = try legacy.string()
            } else {
                throw InputError(file: file.path, location: path,
                                 "sparse matrix group has neither an 'encoding-type' nor an 'h5sparse_format' attribute; expected csr_matrix or csc_matrix")
            }
            let compressedRows: Bool
            switch format {
            case "csr_matrix", "csr": compressedRows = true
            case "csc_matrix", "csc": compressedRows = false
            default:
                throw InputError(file: file.path, location: path, "has encoding '\(format)', expected csr_matrix or csc_matrix")
            }
            guard let shapeAttr = try g.attribute("shape") ?? g.attribute("h5sparse_shape") else {
                throw InputError(file: file.path, location: path, "sparse matrix group has no 'shape' (or 'h5sparse_shape') attribute")
            }
            let shape = try shapeAttr.numbers()
            // Int(exactly:) rejects fractions, NaN, ±Inf and values beyond Int (1e19, 2^64-1).
            let dims = shape.compactMap { Int(exactly: $0) }.filter { $0 >= 0 && $0 <= HDF5Dataset.maxElements }
            guard shape.count == 2, dims.count == 2 else {
                throw InputError(file: file.path, location: "\(path) attribute '\(shapeAttr.name)'",
                                 "is \(MessageText.list(shape.map { "\($0)" }, limit: 4)), expected two non-negative integers (rows, columns) of at most \(HDF5Dataset.maxElements)")
            }
            return .sparse(g, compressedRows: compressedRows, rows: dims[0], columns: dims[1])
        default:
            throw file.notFound(path, expected: "matrix", probed: probed)
        }
    }

    /// (obs, var) dimensions.
    var shape: (rows: Int, columns: Int) {
        switch self {
        case .dense(let d): return (d.shape[0], d.shape[1])
        case .sparse(_, _, let r, let c): return (r, c)
        }
    }

    var path: String {
        switch self {
        case .dense(let d): return d.path
        case .sparse(let g, _, _, _): return g.path
        }
    }

    /// The matrix in its compact store: dense Float32 (on disk beyond `budget`), or CSR with samples as rows.
    func load(budget: MemoryBudget = .unlimited) throws -> any FeatureMatrix {
        switch self {
        case .dense(let d):
            return try HDF5DenseLoader.load(d, samplesAreRows: true, budget: budget)
        case .sparse(let g, let compressedRows, let rows, let columns):
            if compressedRows {
                return try HDF5SparseLoader.read(g, majorCount: rows, minorCount: columns,
                                                 axes: .init(major: "obs row", minor: "var column")).rowsAsMajor()
            }
            return try HDF5SparseLoader.read(g, majorCount: columns, minorCount: rows,
                                             axes: .init(major: "var column", minor: "obs row")).rowsAsMinor()
        }
    }

    /// Lines for `gsel inspect`: storage kind, element types, compression and chunking.
    func describe() throws -> [(String, String)] {
        switch self {
        case .dense(let d):
            return [("matrix", "\(d.path): dense \(d.summary)"),
                    ("storage", "\(d.path): \(d.storage()?.description ?? "unknown")")]
        case .sparse(let g, let compressedRows, _, _):
            let data = try g.dataset("data"), indices = try g.dataset("indices"), indptr = try g.dataset("indptr")
            let kind = compressedRows ? "CSR" : "CSC"
            return [("matrix", "\(g.path): sparse \(kind), \(data.count) stored values, data \(data.elementType), indices \(indices.elementType), indptr \(indptr.elementType)"),
                    ("storage", [data, indices, indptr].map { "\($0.path): \($0.storage()?.description ?? "unknown")" }.joined(separator: "; "))]
        }
    }
}
