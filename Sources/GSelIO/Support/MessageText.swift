/// Formatting for text that goes into error messages: input bytes may hold control characters
/// (a terminal would act on them) and lists may be huge (10,000 class names), so every message
/// escapes the one and shortens the other.
public enum MessageText {
    /// Longest error message printed; longer ones keep their start and end.
    static let maxMessageCharacters = 4000

    /// `text` with control characters written as escapes (`\r`, `\t`, `\n`, `\x1b`, `\u{85}`),
    /// so a message is one printable line whatever the input held.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                out += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7f ... 0x9f).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// A value from the input for a message: escaped and cut to `limit` characters.
    public static func value(_ text: String, limit: Int = 60) -> String {
        let cut = text.count > limit ? String(text.prefix(limit)) + "…" : text
        return escaped(cut)
    }

    /// "a, b, c, … (10000 in all)": at most `limit` items, each cut to 60 characters.
    public static func list(_ items: [String], limit: Int = 20, separator: String = ", ") -> String {
        let shown = items.prefix(limit).map { value($0) }.joined(separator: separator)
        return items.count > limit ? "\(shown)\(separator)… (\(items.count) in all)" : shown
    }

    /// A whole message made printable and bounded: escaped, and when longer than
    /// `maxMessageCharacters` the middle is replaced by a note of how much was cut.
    static func bounded(_ message: String) -> String {
        let text = escaped(message)
        guard text.count > maxMessageCharacters else { return text }
        let keep = maxMessageCharacters / 2
        return "\(text.prefix(keep)) … (\(text.count - 2 * keep) characters cut) … \(text.suffix(keep))"
    }
}
