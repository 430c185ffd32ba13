/// A JSON document with ordered object keys and deterministic, pretty-printed output (for run.json).
///
/// Numbers: integers as written; doubles in their shortest round-trip form (`0.85`, `1e-05`);
/// NaN and infinities become `null` (JSON has no such numbers). Strings are escaped per
/// RFC 8259 (quotes, backslash, control characters); other characters are written as UTF-8.
public indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Keys keep the given order.
    case object([(key: String, value: JSONValue)])

    /// Pretty-printed text with `indent` spaces per level, ending in a newline.
    public func rendered(indent: Int = 2) -> String {
        var out = ""
        append(to: &out, level: 0, indent: String(repeating: " ", count: indent))
        out += "\n"
        return out
    }

    /// Writes `rendered()` to `path` atomically.
    public func write(to path: String) throws {
        try AtomicFile.write(rendered(), to: path)
    }

    private func append(to out: inout String, level: Int, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let d): out += NumberText.shortest(d) ?? "null"
        case .string(let s): JSONValue.appendQuoted(s, to: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                out += i == 0 ? "\n" : ",\n"
                JSONValue.appendIndent(level + 1, indent, to: &out)
                item.append(to: &out, level: level + 1, indent: indent)
            }
            out += "\n"
            JSONValue.appendIndent(level, indent, to: &out)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (i, member) in members.enumerated() {
                out += i == 0 ? "\n" : ",\n"
                JSONValue.appendIndent(level + 1, indent, to: &out)
                JSONValue.appendQuoted(member.key, to: &out)
                out += ": "
                member.value.append(to: &out, level: level + 1, indent: indent)
            }
            out += "\n"
            JSONValue.appendIndent(level, indent, to: &out)
            out += "}"
        }
    }

    private static func appendIndent(_ level: Int, _ indent: String, to out: inout String) {
        for _ in 0 ..< level { out += indent }
    }

    private static let hexDigits = Array("0123456789abcdef")

    private static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                out += "\\u00"
                out.append(hexDigits[Int(scalar.value >> 4)])
                out.append(hexDigits[Int(scalar.value & 0xF)])
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension JSONValue: Equatable {
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.number(x), .number(y)): return x == y || (x.isNaN && y.isNaN)
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Keeps the literal's key order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { (key: $0.0, value: $0.1) })
    }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
    /// `.string`, or `.null` when nil.
    public init(_ value: String?) { self = value.map { .string($0) } ?? .null }
    /// `.int`, or `.null` when nil.
    public init(_ value: Int?) { self = value.map { .int($0) } ?? .null }
    /// `.number`, or `.null` when nil.
    public init(_ value: Double?) { self = value.map { .number($0) } ?? .null }
    /// `.bool`, or `.null` when nil.
    public init(_ value: Bool?) { self = value.map { .bool($0) } ?? .null }
    /// A Float32 as the Double nearest to its shortest decimal form (so 0.1f is written `0.1`), or `.null`.
    public init(_ value: Float?) {
        guard let value else { self = .null; return }
        self = .number(value.isFinite ? Double(value.description) ?? Double(value) : Double(value))
    }
}
