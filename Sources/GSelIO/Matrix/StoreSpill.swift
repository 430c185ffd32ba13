/// The `--max-memory` spill of a reader that collects its store record by record (a VCF
/// variant, a table row) into an array: records stay in the reader's array while the store
/// fits the budget; the record that would exceed it moves everything collected so far to a
/// `DiskMatrixWriter`, and from then on each record goes to the file when the next one
/// starts. The reader's loop stays as it is but for `makeRoom` before each record and
/// `finish` at the end, and the values on disk are those the array would have held.
struct StoreSpill<Value: BitwiseCopyable> {
    let budget: MemoryBudget
    /// Values per record.
    let recordLength: Int
    /// The input, named in errors.
    let source: String
    private(set) var writer: DiskMatrixWriter?

    init(budget: MemoryBudget, recordLength: Int, source: String) {
        precondition(Value.self == Float.self || Value.self == UInt8.self, "StoreSpill: Float32 values or UInt8 dosage codes")
        self.budget = budget
        self.recordLength = recordLength
        self.source = source
    }

    /// Call before appending one record to `values`: once the store would exceed the
    /// budget, what `values` holds goes to the on-disk cache and `values` is emptied. The
    /// array doubles its capacity when it grows, holding the old and the new buffer while it
    /// copies, so a growth whose new buffer would exceed the budget spills instead: the
    /// in-memory store never takes more than the budget, even for a moment.
    mutating func makeRoom(in values: inout [Value]) throws {
        if writer == nil {
            let stride = MemoryLayout<Value>.stride, needed = values.count + recordLength
            let grown = needed > values.capacity ? max(2 * values.capacity, needed) : values.capacity
            guard !budget.allows(needed * stride) || !budget.allows(grown * stride) else { return }
            writer = try DiskMatrixWriter(order: .samples, element: Value.self == UInt8.self ? .dosage : .float32,
                                          recordLength: recordLength, source: source)
            try write(values)
            values = []  // returns the in-memory store's memory
            return
        }
        try write(values)
        values.removeAll(keepingCapacity: true)
    }

    /// The disk-backed store, its records in `order`, with the records still in `values`;
    /// nil when the store never left memory.
    func finish(_ values: [Value], order: DiskMatrixWriter.Order) throws -> DiskBackedMatrix? {
        guard let writer else { return nil }
        try write(values)
        writer.order = order
        return try writer.finish(transposeBytes: budget.transposeBytes, workingCopyLimit: budget.workingCopyBytes)
    }

    private func write(_ values: [Value]) throws {
        guard let writer, !values.isEmpty else { return }
        try values.withUnsafeBytes { try writer.append(records: $0) }
    }
}

extension MemoryBudget {
    /// What a store on disk may use in memory at once: a quarter of the budget (at least
    /// 64 KiB) for each working copy a run makes of it (`FeatureMatrix.workingCopyLimit`),
    /// so a run with two fits in flight keeps half the budget for the fits' networks.
    var workingCopyBytes: Int { max(64 << 10, (bytes ?? .max) / 4) }
    /// Memory for the spill's transpose of feature-major records: a working copy, at most 64 MiB.
    var transposeBytes: Int { min(64 << 20, workingCopyBytes) }
}
