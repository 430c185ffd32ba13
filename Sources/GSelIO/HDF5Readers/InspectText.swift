/// Formatting shared by the readers' `inspect` output.
enum InspectText {
    /// "a, b, c, … (700 in all)".
    static func examples(_ values: [String], total: Int, shown: Int = 3) -> String {
        let head = values.prefix(shown).joined(separator: ", ")
        return total > shown ? "\(head), … (\(total) in all)" : head
    }

    /// "700 samples x 765 features".
    static func shape(samples: Int, features: Int) -> String { "\(samples) samples x \(features) features" }
}
