import Foundation

/// The input formats gsel reads. `detect` decides from the file's first bytes, with the
/// name only as a hint (as htslib's `hts_detect_format` does): the HDF5 signature, then the
/// file's structure, tells AnnData, 10x, loom and plain HDF5 apart; text (uncompressed, gzip
/// or BGZF) that starts with `##fileformat=VCF` is VCF; other text is a delimited matrix.
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    case anndata = "h5ad"
    case tenX = "10x-h5"
    case loom
    case plainHDF5 = "hdf5"
    case vcf
    case delimited

    /// The reader for `path`, by its detected format.
    public static func reader(for path: String) throws -> any MatrixReader {
        try detect(path: path).reader(path: path)
    }

    /// A reader of this format for `path`.
    public func reader(path: String) -> any MatrixReader {
        switch self {
        case .anndata: return AnnDataReader(path: path)
        case .tenX: return TenXReader(path: path)
        case .loom: return LoomReader(path: path)
        case .plainHDF5: return PlainHDF5Reader(path: path)
        case .vcf: return VCFReader(path: path)
        case .delimited: return DelimitedReader(path: path)
        }
    }

    /// Whether the format is stored in HDF5.
    public var isHDF5: Bool { [.anndata, .tenX, .loom, .plainHDF5].contains(self) }

    /// Detects the format of `path`. A missing file, a directory, and a file named like
    /// HDF5 (`.h5ad .h5 .hdf5 .loom`) without the HDF5 signature are `InputError`s.
    public static func detect(path: String) throws -> InputFormat {
        let head = try FileHead(path: path)
        if head.isHDF5 { return try hdf5Format(path: path) }
        if namedLikeHDF5(path) {
            throw InputError(file: path, "not an HDF5 file (no HDF5 signature; \(head.description)); expected an .h5ad, 10x .h5, .loom or HDF5 file")
        }
        if try startsLikeVCF(path: path) { return .vcf }
        return nameStem(path).hasSuffix(".vcf") ? .vcf : .delimited
    }

    /// The HDF5 format from the file's structure: root attribute `encoding-type=anndata` or a
    /// `.h5ad` name → AnnData; a `/matrix` group (Cell Ranger 3+) or a root group holding
    /// `genes` and `barcodes` (Cell Ranger 2) → 10x; a `/matrix` dataset with `/row_attrs` →
    /// loom; anything else → plain HDF5.
    static func hdf5Format(path: String) throws -> InputFormat {
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
        return .plainHDF5
    }

    /// Whether the decompressed text starts with the VCF header line (a UTF-8 BOM is skipped).
    /// A stream that cannot be decompressed is left to the reader to report.
    private static func startsLikeVCF(path: String) throws -> Bool {
        let marker = Array("##fileformat=VCF".utf8)
        guard let stream = try? TextStream.open(path: path) else { return false }
        var buffer = [UInt8](repeating: 0, count: marker.count + 3)
        var filled = 0
        while filled < buffer.count {
            let n = (try? buffer.withUnsafeMutableBufferPointer { b in
                try stream.read(into: b.baseAddress! + filled, capacity: b.count - filled)
            }) ?? 0
            if n == 0 { break }
            filled += n
        }
        let text = buffer[..<filled]
        let body = text.starts(with: [0xef, 0xbb, 0xbf]) ? text.dropFirst(3) : text
        return body.starts(with: marker)
    }

    private static func namedLikeHDF5(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".h5ad", ".h5", ".hdf5", ".loom"].contains { lower.hasSuffix($0) }
    }

    /// The lower-cased name without a `.gz` or `.bgz` suffix.
    private static func nameStem(_ path: String) -> String {
        let lower = path.lowercased()
        for suffix in [".gz", ".bgz"] where lower.hasSuffix(suffix) { return String(lower.dropLast(suffix.count)) }
        return lower
    }
}

/// The first bytes of a file, read once for format detection.
private struct FileHead {
    let bytes: [UInt8]
    let isHDF5: Bool

    /// The HDF5 signature sits at byte 0, or after a user block at 512, 1024, 2048, ... bytes.
    static let hdf5Signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]

    init(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, "cannot open file: No such file or directory")
        }
        if isDirectory.boolValue { throw InputError(file: path, "is a directory, expected an input file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: path, "cannot open file for reading (permission denied?)")
        }
        defer { try? handle.close() }
        bytes = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        var found = bytes == Self.hdf5Signature
        var offset: UInt64 = 512
        let size = (try? handle.seekToEnd()) ?? 0
        while !found && offset + 8 <= size && offset <= 1 << 30 {
            try? handle.seek(toOffset: offset)
            found = [UInt8]((try? handle.read(upToCount: 8)) ?? Data()) == Self.hdf5Signature
            offset *= 2
        }
        isHDF5 = found
    }

    /// What the file looks like instead, for error messages.
    var description: String {
        if bytes.isEmpty { return "the file is empty" }
        if bytes.starts(with: [0x1f, 0x8b]) { return "it is gzip-compressed" }
        return "it starts with bytes " + bytes.prefix(4).map { String(format: "%02x", $0) }.joined(separator: " ")
    }
}
