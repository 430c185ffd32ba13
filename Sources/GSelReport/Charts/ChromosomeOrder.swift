/// Natural chromosome order: 1, 2, …, 22 (any numbered autosome, numerically), X, Y, XY, MT,
/// then other contigs alphabetically. A leading "chr" (any case) is ignored, and "M" equals "MT".
public enum ChromosomeOrder {
    /// The chromosome name without a "chr" prefix, with "M" spelled "MT" ("chr7" -> "7", "chrM" -> "MT").
    public static func displayName(_ chrom: String) -> String {
        var name = Substring(chrom)
        if name.count > 3, name.prefix(3).lowercased() == "chr" { name = name.dropFirst(3) }
        let upper = name.uppercased()
        switch upper {
        case "X", "Y", "XY", "MT": return upper
        case "M": return "MT"
        default: return String(name)
        }
    }

    /// True when `a` comes before `b` in natural order.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let ka = key(a), kb = key(b)
        if ka.group != kb.group { return ka.group < kb.group }
        if ka.number != kb.number { return ka.number < kb.number }
        return ka.name < kb.name
    }

    /// `chromosomes` without duplicates (by display name), in natural order.
    public static func sorted(_ chromosomes: some Sequence<String>) -> [String] {
        Array(Set(chromosomes.map(displayName))).sorted(by: areInIncreasingOrder)
    }

    private static func key(_ chrom: String) -> (group: Int, number: Int, name: String) {
        let name = displayName(chrom)
        if let number = Int(name), number >= 0 { return (0, number, name) }
        switch name {
        case "X": return (1, 0, name)
        case "Y": return (2, 0, name)
        case "XY": return (3, 0, name)
        case "MT": return (4, 0, name)
        default: return (5, 0, name)
        }
    }
}
