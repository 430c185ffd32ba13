/// Reads 10x Genomics (Cell Ranger) feature-barcode `.h5` matrices:
/// v3 `/matrix/{data,indices,indptr,shape,barcodes,features/{id,name,feature_type}}` and
/// v2 `/<genome>/{data,indices,indptr,shape,barcodes,genes,gene_names}`. The CSC arrays
/// (features as rows, barcodes as columns) are read directly as CSR of barcodes x features.
/// Only features of `options.decoding.featureType` are kept ("all" keeps every type).
public struct TenXReader: MatrixReader {
    public static let formatName = "10x-h5"
    public let path: String

    public init(path: String) { self.path = path }

    /// The matrix group and its layout version.
    private struct Layout {
        var group: HDF5Group
        var version: Int
        var format: String { "10x-h5-v\(version)" }
    }

    /// Per-feature columns of the file, before filtering.
    private struct Features {
        var ids: [String]
        var names: [String]
        var types: [String]?
    }

    public func load(options: ReaderOptions) throws -> LoadedMatrix {
        let file = try HDF5File(path: path)
        let layout = try locate(file, options: options)
        let g = layout.group
        let (featureCount, cellCount) = try shape(g)
        let barcodes = try g.dataset("barcodes").readStrings()
        try HDF5ColumnDecoder.requireCount(barcodes, cellCount, what: "barcode (column of \(g.childPath("shape")))",
                                           location: g.childPath("barcodes"), file: path)
        try DuplicateID.requireUnique(barcodes, file: path, location: g.childPath("barcodes"), what: "barcode")
        let features = try readFeatures(layout, count: featureCount)
        let nnz = try g.dataset("data").count
        try options.decoding.memoryBudget.check(MemoryBudget.csrSize(rows: cellCount, storedValues: nnz), file: path, what: "the matrix \(g.path)")
        var arrays = try HDF5SparseLoader.read(g, majorCount: cellCount, minorCount: featureCount,
                                               axes: .init(major: "barcode column", minor: "feature row"))
        var kept = Array(0 ..< featureCount)
        var notes = ["matrix: \(g.path) (\(layout.format))"]
        if let types = features.types, options.decoding.featureType != "all" {
            kept = kept.filter { types[$0] == options.decoding.featureType }
            guard !kept.isEmpty else {
                throw InputError(file: path, location: g.childPath("features/feature_type"),
                                 "no features of type '\(options.decoding.featureType)'; types present: \(typeCounts(types)) (choose with --feature-type, or 'all')")
            }
            if kept.count < featureCount {
                var newIndex = [Int32](repeating: -1, count: featureCount)
                for (j, f) in kept.enumerated() { newIndex[f] = Int32(j) }
                arrays.selectMinor(newIndex, keptCount: kept.count)
                notes.append("kept \(kept.count) of \(featureCount) features of type '\(options.decoding.featureType)'")
            }
        }
        let infos = kept.map { FeatureInfo(id: features.ids[$0], name: features.names[$0]) }
        return try LoadedMatrix(kind: .tenX, format: layout.format, sampleIDs: barcodes, features: infos, matrix: arrays.rowsAsMajor(),
                            counters: ["features_of_other_types_removed": featureCount - kept.count], notes: notes)
            .checkingVariation(file: path, location: g.path)
    }

    public func inspect(options: ReaderOptions) throws -> [(String, String)] {
        let file = try HDF5File(path: path)
        let layout = try locate(file, options: options)
        let g = layout.group
        let (featureCount, cellCount) = try shape(g)
        let features = try readFeatures(layout, count: featureCount)
        let data = try g.dataset("data"), indices = try g.dataset("indices"), indptr = try g.dataset("indptr")
        var lines: [(String, String)] = [("format", layout.format)]
        lines.append(("shape", InspectText.shape(samples: cellCount, features: featureCount) + " (barcodes x features, before --feature-type)"))
        lines.append(("orientation", "features-by-barcodes CSC in the file; read as barcodes (samples) x features"))
        lines.append(("matrix", "\(g.path): sparse CSC, \(data.count) stored values, data \(data.elementType), indices \(indices.elementType), indptr \(indptr.elementType)"))
        lines.append(("storage", [data, indices, indptr].map { "\($0.path): \($0.storage()?.description ?? "unknown")" }.joined(separator: "; ")))
        let barcodes = try g.dataset("barcodes")
        lines.append(("sample ids", InspectText.examples(try barcodes.readStrings(rows: 0 ..< min(3, barcodes.rowCount)), total: barcodes.rowCount)))
        lines.append(("feature ids", InspectText.examples(features.ids, total: featureCount)))
        if let types = features.types { lines.append(("feature types", typeCounts(types))) }
        lines.append(("label keys", "none (10x matrices carry no per-barcode annotations; use --labels)"))
        return lines
    }

    /// `/matrix` (v3) or the single genome group holding `genes` and `barcodes` (v2;
    /// `options.decoding.dataset` picks one when there are several).
    private func locate(_ file: HDF5File, options: ReaderOptions) throws -> Layout {
        if file.kind(at: "/matrix") == .group {
            let g = try file.group("/matrix")
            guard g.kind(of: "features") == .group else {
                var error = file.notFound("/matrix/features", expected: "group")
                error.message += " (a Cell Ranger 3+ matrix keeps feature ids, names and types in the group /matrix/features)"
                throw error
            }
            return Layout(group: g, version: 3)
        }
        let root = try file.root()
        let genomes = try root.memberNames().filter { name in
            root.kind(of: name) == .group && file.kind(at: "/\(name)/genes") == .dataset && file.kind(at: "/\(name)/barcodes") == .dataset
        }
        if let chosen = options.decoding.dataset.map(HDF5File.normalize) {
            guard genomes.contains(String(chosen.dropFirst())) else {
                throw InputError(file: path, location: chosen, "is not a 10x genome group; genome groups: \(genomes.joined(separator: ", "))")
            }
            return Layout(group: try file.group(chosen), version: 2)
        }
        guard genomes.count == 1 else {
            if genomes.isEmpty {
                throw InputError(file: path, location: "/", "no 10x matrix: expected a /matrix group (Cell Ranger 3+) or a /<genome> group with genes and barcodes (Cell Ranger 2); the root group has: \(HDF5File.list(try root.memberNames()))")
            }
            throw InputError(file: path, location: "/", "has \(genomes.count) genome groups (\(genomes.joined(separator: ", "))); choose one with --dataset /<genome>")
        }
        return Layout(group: try root.group(genomes[0]), version: 2)
    }

    /// (features, barcodes) from the `shape` dataset.
    private func shape(_ g: HDF5Group) throws -> (Int, Int) {
        let s = try g.dataset("shape").readAll(Int64.self)
        guard s.count == 2, s[0] >= 0, s[1] >= 0 else {
            throw InputError(file: path, location: g.childPath("shape"), "is \(s), expected two non-negative integers (features, barcodes)")
        }
        return (Int(s[0]), Int(s[1]))
    }

    private func readFeatures(_ layout: Layout, count: Int) throws -> Features {
        let g = layout.group
        let base = layout.version == 3 ? "features/" : ""
        let idName = layout.version == 3 ? "features/id" : "genes"
        let nameName = layout.version == 3 ? "features/name" : "gene_names"
        let ids = try g.dataset(idName).readStrings()
        try HDF5ColumnDecoder.requireCount(ids, count, what: "feature (row of \(g.childPath("shape")))", location: g.childPath(idName), file: path)
        try DuplicateID.requireUnique(ids, file: path, location: g.childPath(idName), what: "feature")
        var names = ids
        if g.file.kind(at: g.childPath(nameName)) == .dataset {
            names = try g.dataset(nameName).readStrings()
            try HDF5ColumnDecoder.requireCount(names, count, what: "feature", location: g.childPath(nameName), file: path)
        }
        var types: [String]?
        if layout.version == 3, g.file.kind(at: g.childPath(base + "feature_type")) == .dataset {
            types = try g.dataset(base + "feature_type").readStrings()
            try HDF5ColumnDecoder.requireCount(types!, count, what: "feature", location: g.childPath(base + "feature_type"), file: path)
        }
        return Features(ids: ids, names: names, types: types)
    }

    /// "Gene Expression: 33538, Antibody Capture: 17" in order of first appearance.
    private func typeCounts(_ types: [String]) -> String {
        var order: [String] = [], counts: [String: Int] = [:]
        for t in types {
            if counts[t] == nil { order.append(t) }
            counts[t, default: 0] += 1
        }
        return order.map { "\($0): \(counts[$0]!)" }.joined(separator: ", ")
    }
}
