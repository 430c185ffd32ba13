/// Chooses the reader for an input path from its name and first bytes.
public enum InputFormat {
    /// The reader for `path`.
    public static func reader(for path: String) throws -> any MatrixReader {
        let lower = path.lowercased()
        let stem = lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : (lower.hasSuffix(".bgz") ? String(lower.dropLast(4)) : lower)
        if stem.hasSuffix(".vcf") {
            return VCFReader(path: path)
        }
        if stem.hasSuffix(".h5ad") || stem.hasSuffix(".h5") || stem.hasSuffix(".hdf5") || stem.hasSuffix(".loom") {
            return try HDF5Format.reader(for: path)
        }
        return DelimitedReader(path: path)
    }
}
