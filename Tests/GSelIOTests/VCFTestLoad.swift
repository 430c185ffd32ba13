import GSelIO

/// Loads a VCF through `VCFReader` with the options the VCF tests vary.
enum VCFTestLoad {
    static func load(_ path: String, field: String = "GT", threads: Int = 2,
                     configure: (inout ReaderOptions) -> Void = { _ in }) throws -> LoadedMatrix {
        var options = ReaderOptions()
        options.decoding.vcfField = VCFField(rawValue: field)!
        options.threads = threads
        configure(&options)
        return try VCFReader(path: path).load(options: options)
    }

    /// The genotype codes of a VCF loaded in memory, in record order (`codes[variant *
    /// samples + sample]`), read back from the reader's sample-major store.
    static func recordCodes(_ loaded: LoadedMatrix) throws -> [UInt8] {
        guard let store = loaded.matrix as? SampleMajorDosages else {
            throw StoreKindError("the VCF store is \(type(of: loaded.matrix)), not SampleMajorDosages")
        }
        let n = store.rowCount, p = store.columnCount
        var codes = [UInt8](repeating: 0, count: n * p)
        for s in 0 ..< n { for f in 0 ..< p { codes[f * n + s] = store.codes[s * p + f] } }
        return codes
    }

    struct StoreKindError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
