import Foundation

/// Machine-readable number text shared by the TSV and JSON writers.
///
/// Choice: the shortest decimal string that parses back to exactly the same value
/// (Swift's `description`, e.g. `0.85`, `1e-05`, `3.0`), so files are lossless and
/// byte-identical across runs. Float32 values use Float's own shortest form, so a
/// stored `0.1` prints as `0.1`, not as its Float64 widening `0.10000000149011612`.
public enum NumberText {
    /// Shortest round-trip text of a finite Double (negative zero prints as `0.0`); nil when not finite.
    static func shortest(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        return value == 0 ? "0.0" : value.description
    }

    /// Shortest round-trip text of a finite Float; nil when not finite.
    static func shortest(_ value: Float) -> String? {
        guard value.isFinite else { return nil }
        return value == 0 ? "0.0" : value.description
    }

    /// `value` with `digits` significant digits (plain notation for magnitudes in
    /// [1e-3, 1e6), scientific otherwise) for columns people read, such as `effect`;
    /// nil when not finite.
    public static func significant(_ value: Double, digits: Int) -> String? {
        guard value.isFinite else { return nil }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude < 1e-3 || magnitude >= 1e6 { return String(format: "%.\(max(0, digits - 1))e", value) }
        var decimals = max(0, digits - 1 - Int(floor(log10(magnitude))))
        // Rounding can carry into a new leading digit (0.99995 -> 1.0000): one decimal fewer.
        if decimals > 0, let rounded = Double(String(format: "%.\(decimals)f", magnitude)),
           floor(log10(rounded)) > floor(log10(magnitude)) { decimals -= 1 }
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
