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
}
