/// The kept variants of a VCF while it is read: one run of `samples` values per variant
/// (feature-major), grown in place, with each variant's identity.
struct VariantStore<Value: BitwiseCopyable> {
    let samples: Int
    let missing: Value
    let budget: MemoryBudget
    private(set) var values: [Value] = []
    private(set) var features: [FeatureInfo] = []
    private var ids: Set<String> = []
    /// The next `#n` suffix to try for each id that repeated.
    private var nextSuffix: [String: Int] = [:]
    /// Variants whose `CHROM:POS:REF:ALT` repeated an earlier one and got a `#n` suffix.
    private(set) var renamedDuplicates = 0
    /// Moves the kept variants to disk once they outgrow the budget.
    private(set) var spill: StoreSpill<Value>
    /// Memory of the kept variants' strings outside `features` (`FeatureInfo.outOfLineBytes`).
    private var stringBytes = 0

    init(samples: Int, missing: Value, budget: MemoryBudget, path: String) {
        self.samples = samples
        self.missing = missing
        self.budget = budget
        spill = StoreSpill(budget: budget, recordLength: samples, source: path)
    }

    var storageBytes: Int { values.count * MemoryLayout<Value>.stride }

    /// The kept values, moved out (the store is left empty): the caller holds the only
    /// reference, so it can transpose them in place of a copy.
    mutating func takeValues() -> [Value] {
        defer { values = [] }
        return values
    }

    /// Appends a slot for one variant, lets `fill` write it, and keeps it when `fill` returns a feature.
    mutating func append(path: String, lineNumber: Int,
                         _ fill: (UnsafeMutablePointer<Value>) throws -> FeatureInfo?) throws {
        try spill.makeRoom(in: &values)
        let start = values.count
        values.append(contentsOf: repeatElement(missing, count: samples))
        let feature = try values.withUnsafeMutableBufferPointer { try fill($0.baseAddress! + start) }
        guard var feature else {
            values.removeLast(samples)
            return
        }
        if !ids.insert(feature.id).inserted {
            // Resume from the last suffix given to this id: repeats stay linear, not quadratic.
            let base = feature.id
            var n = nextSuffix[base, default: 2]
            while ids.contains("\(base)#\(n)") { n += 1 }
            nextSuffix[base] = n + 1
            feature.id = "\(base)#\(n)"
            ids.insert(feature.id)
            renamedDuplicates += 1
        }
        stringBytes += feature.outOfLineBytes
        let bytes = identityBytes
        if bytes > budget.metadataLimit { throw tooManyFeatures(bytes, path: path, lineNumber: lineNumber) }
        features.append(feature)
    }

    /// Memory the variants' identities take once the next one is appended: the feature array
    /// and the id set at the capacity they then have (both double when full), and their
    /// strings. Identities stay in memory when the values spill, so `append` bounds them by
    /// `budget.metadataLimit`.
    private var identityBytes: Int {
        func grown(_ count: Int, _ capacity: Int) -> Int { count < capacity ? capacity : max(16, 2 * capacity) }
        return stringBytes + grown(features.count, features.capacity) * MemoryLayout<FeatureInfo>.stride
            + grown(ids.count, ids.capacity) * 4 / 3 * MemoryLayout<String>.stride
    }

    /// The refusal of a variant whose identity would exceed `budget.metadataLimit`, with a
    /// hint when most variants repeat one site (a file of one record repeated, a gzip bomb).
    private func tooManyFeatures(_ bytes: Int, path: String, lineNumber: Int) -> InputError {
        let repeats = renamedDuplicates * 2 > features.count
            ? "; \(renamedDuplicates) of them repeat an earlier CHROM:POS:REF:ALT, so the file may be damaged or one record repeated"
            : ""
        return InputError(file: path, location: "line \(lineNumber)",
                          "the \(features.count + 1) variants kept so far need about \(MemoryBudget.format(bytes)) in memory for their ids and positions, more than the \(budget.metadataLimitText)\(repeats); raise --max-memory or read fewer variants (e.g. bcftools view --regions)")
    }
}
