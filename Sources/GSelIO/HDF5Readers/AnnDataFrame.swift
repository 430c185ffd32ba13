/// An AnnData dataframe (`obs` or `var`) in any layout anndata has written:
/// - a group with attribute `_index` naming the index dataset (anndata ≥ 0.7), columns as
///   datasets or encoded groups (`categorical`, `nullable-integer`, `nullable-boolean`, ...),
///   older files keeping categories in `__categories/<column>`;
/// - a compound dataset with an `index` field (anndata 0.6), categories in `uns/<column>_categories`.
struct AnnDataFrame {
    let file: HDF5File
    /// "obs" or "var".
    let key: String
    let index: AnnDataColumnSource
    /// Columns in the file's column order.
    let columns: [(name: String, source: AnnDataColumnSource)]
    /// Columns present but in an encoding gsel does not decode, with the reason.
    let skipped: [String]

    init(file: HDF5File, key: String) throws {
        self.file = file
        self.key = key
        let path = "/" + key
        let probed = file.probe(path)
        switch probed.kind {
        case .group:
            let group = try file.group(path)
            let indexName = try group.attribute("_index")?.string() ?? "_index"
            guard !indexName.isEmpty, !indexName.contains("/"), indexName != "." else {
                throw InputError(file: file.path, location: path,
                                 "attribute '_index' is '\(MessageText.value(indexName))', expected the name of the \(key) index dataset in \(path) (usually _index); the file may be damaged")
            }
            // One probe decides and explains: a damaged object may read differently the second time.
            let probed = file.probe(group.childPath(indexName))
            guard probed.kind == .dataset else {
                throw file.notFound(group.childPath(indexName), expected: "\(key) index dataset (named by \(path) attribute '_index')",
                                    probed: probed)
            }
            index = .values(try group.dataset(indexName), field: nil)
            let order: [String]
            if let attr = try group.attribute("column-order"), case .string = attr.elementType {
                order = try attr.strings()
            } else {
                order = try group.memberNames().filter { $0 != indexName && $0 != "__categories" }
            }
            var columns: [(String, AnnDataColumnSource)] = [], skipped: [String] = []
            for name in order {
                switch try Self.column(name, in: group) {
                case .success(let source): columns.append((name, source))
                case .failure(let reason): skipped.append("\(group.childPath(name)): \(reason.message)")
                }
            }
            self.columns = columns
            self.skipped = skipped
        case .dataset:
            let table = try file.dataset(path)
            guard case .compound(let fields) = table.elementType else {
                throw InputError(file: file.path, location: path, "is a \(table.elementType) dataset, expected a dataframe (a group, or a compound dataset)")
            }
            guard fields.contains("index") else {
                throw InputError(file: file.path, location: path, "compound dataframe has no 'index' field (fields: \(fields.joined(separator: ", ")))")
            }
            index = .values(table, field: "index")
            var columns: [(String, AnnDataColumnSource)] = []
            for name in fields where name != "index" {
                let categories = "/uns/\(name)_categories"
                if file.kind(at: categories) == .dataset {
                    columns.append((name, .categorical(codes: table, field: name, categories: try file.dataset(categories))))
                } else {
                    columns.append((name, .values(table, field: name)))
                }
            }
            self.columns = columns
            skipped = []
        default:
            throw file.notFound(path, expected: "\(key) dataframe", probed: probed)
        }
    }

    /// Why a column cannot be decoded.
    struct Unsupported: Error { var message: String }

    private static func column(_ name: String, in group: HDF5Group) throws -> Result<AnnDataColumnSource, Unsupported> {
        switch group.kind(of: name) {
        case .dataset:
            let d = try group.dataset(name)
            let legacy = "__categories/" + name
            if group.file.kind(at: group.childPath(legacy)) == .dataset {
                return .success(.categorical(codes: d, field: nil, categories: try group.dataset(legacy)))
            }
            guard d.rank == 1 else { return .failure(Unsupported(message: "\(d.rank)-dimensional")) }
            return .success(.values(d, field: nil))
        case .group:
            let g = try group.group(name)
            let encoding = try g.attribute("encoding-type")?.string() ?? "(none)"
            switch encoding {
            case "categorical":
                return .success(.categorical(codes: try g.dataset("codes"), field: nil, categories: try g.dataset("categories")))
            case "nullable-integer", "nullable-boolean", "nullable-string-array":
                return .success(.masked(values: try g.dataset("values"), mask: try g.dataset("mask")))
            default:
                return .failure(Unsupported(message: "encoding-type \(encoding) is not a column type gsel reads"))
            }
        default:
            return .failure(Unsupported(message: "listed in column-order but absent"))
        }
    }

    /// Number of rows (length of the index).
    var count: Int {
        if case .values(let d, _) = index { return d.rowCount }
        return 0
    }

    /// The index (obs names / var names), checked to be unique as anndata expects.
    func readIndex() throws -> [String] {
        let ids = try index.read(count: count, name: "index").map { $0 ?? "" }
        let (what, names) = key == "obs" ? ("obs (sample)", "obs_names") : ("var (feature)", "var_names")
        try DuplicateID.requireUnique(ids, file: file.path, location: indexLocation, what: what,
                                      hint: " (in Python: adata.\(names)_make_unique())")
        return ids
    }

    /// Where the index is stored, for messages: "/var/_index" or "/var field 'index'".
    var indexLocation: String {
        if case .values(let d, let field) = index { return field.map { "\(d.path) field '\($0)'" } ?? d.path }
        return "/" + key
    }

    /// Column `name`, or nil when the dataframe has no such column.
    func readColumn(_ name: String) throws -> [String?]? {
        guard let source = columns.first(where: { $0.name == name })?.source else { return nil }
        return try source.read(count: count, name: name)
    }

    /// Every decodable column.
    func readColumns() throws -> [String: [String?]] {
        var out: [String: [String?]] = [:]
        for (name, source) in columns { out[name] = try source.read(count: count, name: name) }
        return out
    }
}

extension AnnDataFrame {
    /// The first `n` index values (for `gsel inspect`, without reading the whole index).
    func indexExamples(_ n: Int) throws -> [String] {
        guard case .values(let d, let field) = index, case .string = try d.elementType(field: field) else {
            return Array(try readIndex().prefix(n))
        }
        return try d.readStrings(rows: 0 ..< min(n, d.rowCount), field: field)
    }

    /// "name (kind)" for every column, for `gsel inspect`.
    func columnSummaries() -> [String] {
        columns.map { "\($0.name) (\($0.source.describe()))" }
    }
}
