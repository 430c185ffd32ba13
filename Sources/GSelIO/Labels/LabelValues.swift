/// Encoded labels of the aligned samples, in the shape of GSelCore's `Target`.
public enum LabelValues: Sendable, Equatable {
    /// Class index per sample (`0 ..< names.count`) and the class names, sorted
    /// (numerically when every class is a number).
    case classes(codes: [Int32], names: [String])
    /// A real value per sample.
    case values([Float])

    public var count: Int {
        switch self {
        case .classes(let codes, _): return codes.count
        case .values(let v): return v.count
        }
    }
}
