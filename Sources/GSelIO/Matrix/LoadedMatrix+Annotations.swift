extension LoadedMatrix {
    /// The per-sample annotation `key` (for `--label-key` or `--covariate-keys`, named by
    /// `option` in messages): an h5ad obs column, a loom col_attr, or a dataset path in a
    /// plain HDF5 file (`/labels`; the leading `/` may be omitted). Values are text,
    /// nil = missing. Throws an `InputError` on `file` listing the available keys.
    public func sampleAnnotation(_ key: String, file: String, option: String = "--label-key") throws -> [String?] {
        if let values = sampleAnnotations[key] ?? sampleAnnotations["/" + key] { return values }
        let available = sampleAnnotations.keys.sorted()
        let source: String
        switch kind {
        case .anndata: source = "obs columns"
        case .loom: source = "col_attrs"
        default: source = "per-sample annotations"
        }
        let list = available.isEmpty ? "this \(format) file has no \(source)" : "available \(source): \(available.joined(separator: ", "))"
        throw InputError(file: file, "no sample annotation '\(key)' for \(option); \(list)")
    }
}
