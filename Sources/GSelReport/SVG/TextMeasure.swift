/// Rough text widths for layout (the page uses the reader's system sans-serif font).
enum TextMeasure {
    /// Estimated width in pixels of `text` at `size` (average glyph ≈ 0.58 em).
    static func width(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.58
    }

    /// `text` cut to at most `limit` characters, ending in "…" when cut.
    static func truncate(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }
}
