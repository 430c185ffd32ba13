import Foundation

/// The HDF5-based input formats, recognised from the file's structure.
public enum HDF5Format: String, Sendable, CaseIterable {
    case anndata = "h5ad"
    case tenX = "10x-h5"
    case loom
    case plain = "hdf5"

    /// Opens `path` and decides its format:
    /// root attribute `encoding-type=anndata` or a `.h5ad` name → AnnData; a `/matrix` group
    /// (Cell Ranger 3+) or a root group holding `genes` and `barcodes` (Cell Ranger 2) → 10x;
    /// a `/matrix` dataset with `/row_attrs` → loom; anything else → plain HDF5.
    /// A file that is not HDF5 is an `InputError`.
    public static func detect(path: String) throws -> HDF5Format {
        let file = try HDF5File(path: path)
        let root = try file.root()
        if let encoding = try? root.attribute("encoding-type")?.string(), encoding == "anndata" { return .anndata }
        if path.lowercased().hasSuffix(".h5ad") { return .anndata }
        switch file.kind(at: "/matrix") {
        case .group: return .tenX
        case .dataset where file.kind(at: "/row_attrs") == .group: return .loom
        default: break
        }
        for name in try root.memberNames() where root.kind(of: name) == .group {
            if file.kind(at: "/\(name)/genes") == .dataset, file.kind(at: "/\(name)/barcodes") == .dataset { return .tenX }
        }
        return .plain
    }

    /// The reader for `path`.
    public static func reader(for path: String) throws -> any MatrixReader {
        switch try detect(path: path) {
        case .anndata: return AnnDataReader(path: path)
        case .tenX: return TenXReader(path: path)
        case .loom: return LoomReader(path: path)
        case .plain: return PlainHDF5Reader(path: path)
        }
    }
}
