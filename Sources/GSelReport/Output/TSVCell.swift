/// One cell of a TSV row. Missing values (`nil`, NaN) are written as `NA`.
public enum TSVCell: Sendable, Equatable {
    case text(String)
    case int(Int?)
    /// Shortest round-trip decimal; infinities as `Inf` / `-Inf`.
    case double(Double?)
    /// Float32 value in Float's shortest round-trip form.
    case float(Float?)
    /// A measurement people read: 4 significant digits (`NumberText.significant`).
    case rounded(Double?)
    /// `true` / `false`.
    case bool(Bool?)
    case na

    /// The text written for this cell. Tabs and line breaks inside text become spaces.
    public var text: String {
        switch self {
        case .text(let s):
            guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
            return String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        case .int(let v): return v.map(String.init) ?? "NA"
        case .double(let v):
            guard let v else { return "NA" }
            if v.isInfinite { return v > 0 ? "Inf" : "-Inf" }
            return NumberText.shortest(v) ?? "NA"
        case .float(let v):
            guard let v else { return "NA" }
            if v.isInfinite { return v > 0 ? "Inf" : "-Inf" }
            return NumberText.shortest(v) ?? "NA"
        case .rounded(let v):
            guard let v else { return "NA" }
            if v.isInfinite { return v > 0 ? "Inf" : "-Inf" }
            return NumberText.significant(v, digits: 4) ?? "NA"
        case .bool(let v): return v.map { $0 ? "true" : "false" } ?? "NA"
        case .na: return "NA"
        }
    }
}

extension TSVCell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
