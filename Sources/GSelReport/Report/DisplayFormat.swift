import Foundation

/// Human-readable number text for the report (not for machine-readable files; see `NumberText`).
enum DisplayFormat {
    /// `value` with exactly `digits` decimals; "–" when not finite.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "–" }
        let text = String(format: "%.\(digits)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// A metric and its 95 % interval: "0.917 (95 % CI 0.78–0.98)"; the bounds with one
    /// decimal fewer, joined by "to" when one is negative. Just the value without an interval.
    static func withInterval(_ value: Double, _ interval: ClosedRange<Double>?, digits: Int = 3) -> String {
        guard let interval, value.isFinite else { return fixed(value, digits) }
        return fixed(value, digits) + " (95 % CI " + range(interval, digits: max(0, digits - 1)) + ")"
    }

    /// "0.78–0.98", or "-0.12 to 0.30" when a bound is negative.
    static func range(_ r: ClosedRange<Double>, digits: Int) -> String {
        let low = fixed(r.lowerBound, digits), high = fixed(r.upperBound, digits)
        return low.hasPrefix("-") || high.hasPrefix("-") ? "\(low) to \(high)" : "\(low)–\(high)"
    }

    /// `value` with `digits` significant digits, switching to scientific notation for very small or large magnitudes.
    static func significant(_ value: Double, _ digits: Int = 3) -> String {
        NumberText.significant(value, digits: digits) ?? "–"
    }

    /// An integer with thousands separators: 20000 -> "20,000".
    static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A duration: "0.42 s", "12.3 s", "4 min 12 s", "1 h 02 min".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "–" }
        if seconds < 10 { return fixed(seconds, 2) + " s" }
        if seconds < 60 { return fixed(seconds, 1) + " s" }
        let total = Int(seconds.rounded())
        if total < 3600 { return "\(total / 60) min \(total % 60) s" }
        let minutes = (total % 3600) / 60
        return "\(total / 3600) h \(minutes < 10 ? "0" : "")\(minutes) min"
    }

    /// An attention share in [0, 1] as a percentage with about two significant digits ("31", "4.2", "0.37").
    static func percent(_ share: Double) -> String {
        let p = share * 100
        if p >= 10 { return fixed(p, 0) }
        if p >= 1 { return fixed(p, 1) }
        return fixed(p, 2)
    }
}
