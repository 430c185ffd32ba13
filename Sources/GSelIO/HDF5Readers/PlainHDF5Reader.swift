/// Reads a 2-D numeric dataset (`options.decoding.dataset`) of any HDF5 file, samples-by-features
/// unless `options.decoding.layout` says otherwise, with ids from `options.decoding.sampleIDs` /
/// `options.decoding.featureIDs` (else `sample_1...`, `feature_1...`). Every other one-dimensional
/// dataset with one entry per sample becomes a sample annotation keyed by its path (`/labels`).
public struct PlainHDF5Reader: DenseHDF5MatrixReader {
    public static let formatName = "hdf5"
    public let path: String

    public init(path: String) { self.path = path }

    public func load(options: ReaderOptions) throws -> LoadedMatrix {
        let (file, matrix) = try openLoadableMatrix(options: options)
        let samplesAreRows = (options.decoding.layout ?? .samplesByFeatures) == .samplesByFeatures
        let samples = samplesAreRows ? matrix.shape[0] : matrix.shape[1]
        let featureCount = samplesAreRows ? matrix.shape[1] : matrix.shape[0]
        let sampleIDs = try ids(file, options.decoding.sampleIDs, count: samples, prefix: "sample_", what: "sample")
        let featureIDs = try ids(file, options.decoding.featureIDs, count: featureCount, prefix: "feature_", what: "feature")
        var skip = Set([matrix.path])
        for p in [options.decoding.sampleIDs, options.decoding.featureIDs].compactMap({ $0 }) { skip.insert(HDF5File.normalize(p)) }
        var annotations: [String: [String?]] = [:]
        for (p, _) in file.datasetSummaries(limit: 1000) where !skip.contains(p) {
            guard let d = try? file.dataset(p), d.rank == 1, d.rowCount == samples,
                  let values = try? HDF5ColumnDecoder.text(d) else { continue }
            annotations[p] = values
        }
        let store = try HDF5DenseLoader.load(matrix, samplesAreRows: samplesAreRows, budget: options.decoding.memoryBudget)
        return try LoadedMatrix(kind: .plainHDF5, format: Self.formatName, sampleIDs: sampleIDs, features: featureIDs.map { FeatureInfo(id: $0) },
                            matrix: store, sampleAnnotations: annotations,
                            notes: ["matrix: \(matrix.path) (\(samplesAreRows ? "samples-by-features" : "features-by-samples"))"])
            .checkingVariation(file: path, location: matrix.path)
    }

    public func inspect(options: ReaderOptions) throws -> [(String, String)] {
        let file = try HDF5File(path: path)
        var lines: [(String, String)] = [("format", Self.formatName)]
        guard options.decoding.dataset != nil else {
            lines.append(("datasets", file.datasetSummaries().map { "\($0.path) (\($0.summary))" }.joined(separator: ", ")))
            lines.append(("matrix", "not chosen: give the matrix dataset with --dataset"))
            return lines
        }
        let matrix = try matrixDataset(file, options: options)
        let samplesAreRows = (options.decoding.layout ?? .samplesByFeatures) == .samplesByFeatures
        let samples = samplesAreRows ? matrix.shape[0] : matrix.shape[1]
        let features = samplesAreRows ? matrix.shape[1] : matrix.shape[0]
        lines.append(("shape", InspectText.shape(samples: samples, features: features)))
        lines.append(("orientation", (options.decoding.layout ?? .samplesByFeatures).rawValue + (options.decoding.layout == nil ? " (default; change with --layout)" : "")))
        lines.append(("matrix", "\(matrix.path): dense \(matrix.summary)"))
        lines.append(("storage", "\(matrix.path): \(matrix.storage()?.description ?? "unknown")"))
        for (label, idPath, count, prefix) in [("sample ids", options.decoding.sampleIDs, samples, "sample_"), ("feature ids", options.decoding.featureIDs, features, "feature_")] {
            if let idPath {
                let d = try file.dataset(idPath)
                lines.append((label, InspectText.examples(try HDF5ColumnDecoder.text(d).prefix(3).map { $0 ?? "" }, total: d.rowCount)))
            } else {
                lines.append((label, InspectText.examples((1 ... 3).map { "\(prefix)\($0)" }, total: count) + " (generated)"))
            }
        }
        let keys = file.datasetSummaries(limit: 1000).filter { $0.path != matrix.path }
            .compactMap { entry -> String? in
                guard let d = try? file.dataset(entry.path), d.rank == 1, d.rowCount == samples else { return nil }
                return "\(entry.path) (\(d.elementType))"
            }
        lines.append(("label keys", keys.isEmpty ? "none" : keys.joined(separator: ", ")))
        return lines
    }

    func matrixDataset(_ file: HDF5File, options: ReaderOptions) throws -> HDF5Dataset {
        guard let datasetPath = options.decoding.dataset else {
            let listing = file.datasetSummaries().map { "\($0.path) (\($0.summary))" }
            throw InputError(file: path, "plain HDF5 file (not AnnData, 10x or loom): choose the matrix with --dataset; datasets present: \(listing.isEmpty ? "none" : HDF5File.list(listing))")
        }
        let d = try file.dataset(datasetPath)
        try d.requireRank(2, "a two-dimensional numeric matrix")
        return d
    }

    private func ids(_ file: HDF5File, _ idPath: String?, count: Int, prefix: String, what: String) throws -> [String] {
        guard let idPath else { return (0 ..< count).map { "\(prefix)\($0 + 1)" } }
        let d = try file.dataset(idPath)
        let values = try HDF5ColumnDecoder.text(d)
        try HDF5ColumnDecoder.requireCount(values, count, what: what, location: d.path, file: path)
        let ids = values.map { $0 ?? "" }
        try DuplicateID.requireUnique(ids, file: path, location: d.path, what: what)
        return ids
    }
}
