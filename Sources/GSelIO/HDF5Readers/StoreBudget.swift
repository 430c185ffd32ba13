/// The `--max-memory` check readers run before building a store.
enum StoreBudget {
    /// Throws when a store of `bytes` would exceed `options.maxMemoryBytes`.
    static func check(_ bytes: Int, options: ReaderOptions, file: String, what: String) throws {
        guard let limit = options.maxMemoryBytes, bytes > limit else { return }
        throw InputError(file: file, "\(what) needs \(megabytes(bytes)) in memory, more than the --max-memory limit of \(megabytes(limit))")
    }

    /// `count * each`, saturating at `Int.max`: counts declared by a damaged file can overflow.
    static func bytes(_ count: Int, each: Int) -> Int {
        let (product, overflow) = count.multipliedReportingOverflow(by: each)
        return overflow ? .max : product
    }

    /// `a + b`, saturating at `Int.max`.
    static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : total
    }

    static func megabytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / 1_048_576
        return mb < 10 ? String(format: "%.1f MB", mb) : "\(Int(mb.rounded())) MB"
    }
}
