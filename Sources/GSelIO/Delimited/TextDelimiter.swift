/// How the fields of a text table are separated.
public enum TextDelimiter: String, Sendable, CaseIterable {
    case tab
    case comma
    /// Runs of spaces and tabs (PLINK-style files); leading and trailing blanks are ignored.
    case whitespace

    /// The separator byte; nil for `.whitespace`.
    var byte: UInt8? {
        switch self {
        case .tab: return 0x09
        case .comma: return 0x2c
        case .whitespace: return nil
        }
    }

    /// The delimiter of a file from its name and header line: `.csv` (optionally `.gz`) is
    /// comma-separated; otherwise tab when the header has a tab, comma when it has commas
    /// and no tabs, else `fallback` (tab for matrices, whitespace for label files).
    static func detect(path: String, header: UnsafeBufferPointer<UInt8>, fallback: TextDelimiter) -> TextDelimiter {
        var lower = path.lowercased()
        for suffix in [".gz", ".bgz"] where lower.hasSuffix(suffix) { lower.removeLast(suffix.count) }
        if lower.hasSuffix(".csv") { return .comma }
        if header.contains(0x09) { return .tab }
        if header.contains(0x2c) { return .comma }
        return fallback
    }
}
