import CHDF5

/// How a dataset is laid out on disk: layout, chunk shape and filter pipeline.
public struct HDF5StorageInfo: Sendable, CustomStringConvertible {
    /// "contiguous", "chunked", "compact" or "virtual".
    public var layout: String
    /// Chunk dimensions when chunked.
    public var chunkShape: [Int]?
    /// Filters in pipeline order, e.g. "gzip level 4", "shuffle".
    public var filters: [String]
    /// Filters this HDF5 library cannot decode (e.g. h5py's lzf, blosc without the plugin).
    public var unavailableFilters: [String]
    /// Most bytes one stored byte can decode to: 1 without a compressing filter, deflate's
    /// bound (about 1032, rounded up) with gzip alone, a generous bound for other compressors.
    public var maxExpansion = 1

    init(creationPlist plist: hid_t) {
        switch H5Pget_layout(plist) {
        case H5D_CHUNKED: layout = "chunked"
        case H5D_COMPACT: layout = "compact"
        case H5D_VIRTUAL: layout = "virtual"
        default: layout = "contiguous"
        }
        chunkShape = nil
        if layout == "chunked" {
            var dims = [hsize_t](repeating: 0, count: 32)
            let rank = H5Pget_chunk(plist, 32, &dims)
            if rank > 0 { chunkShape = dims.prefix(Int(rank)).map { Int($0) } }
        }
        filters = []
        unavailableFilters = []
        let n = max(0, H5Pget_nfilters(plist))
        for i in 0 ..< n {
            var flags: UInt32 = 0, config: UInt32 = 0
            var nValues = 8
            var values = [UInt32](repeating: 0, count: 8)
            var name = [CChar](repeating: 0, count: 256)
            let id = H5Pget_filter2(plist, UInt32(i), &flags, &nValues, &values, name.count, &name, &config)
            let filterName = name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            let label = Self.label(id: id, name: filterName, values: Array(values.prefix(nValues)))
            filters.append(label)
            switch id {
            case 2, 3: break                                    // shuffle, fletcher32: no compression
            case 1: maxExpansion = max(maxExpansion, 1100)      // deflate
            default: maxExpansion = max(maxExpansion, 1 << 16)
            }
            if H5Zfilter_avail(id) <= 0 { unavailableFilters.append(label) }
        }
    }

    static func label(id: H5Z_filter_t, name: String, values: [UInt32]) -> String {
        switch id {
        case 1: return values.first.map { "gzip level \($0)" } ?? "gzip"
        case 2: return "shuffle"
        case 3: return "fletcher32"
        case 4: return "szip"
        case 5: return "nbit"
        case 6: return "scaleoffset"
        case 32000: return "lzf (filter 32000)"
        case 32001: return "blosc (filter 32001)"
        case 32004: return "lz4 (filter 32004)"
        case 32008: return "bitshuffle (filter 32008)"
        case 32015: return "zstd (filter 32015)"
        default: return name.isEmpty ? "filter \(id)" : "\(name) (filter \(id))"
        }
    }

    public var description: String {
        var parts = [layout]
        if let chunkShape { parts[0] += " (chunks \(chunkShape.map(String.init).joined(separator: " x ")))" }
        parts.append(filters.isEmpty ? "uncompressed" : filters.joined(separator: " + "))
        return parts.joined(separator: ", ")
    }
}
