/// Which fit of a run: pair 0 is the reference fit on the whole training split (half a);
/// pairs 1...B are the complementary pairs, each with halves a (0) and b (1). The one place
/// that knows a fit's file name, random stream and order, so resume, scatter and
/// aggregation name fits the same way.
public struct FitID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let pair: Int
    /// 0 (a) or 1 (b).
    public let half: Int

    public init(pair: Int, half: Int) {
        precondition(pair >= 0 && (half == 0 || half == 1) && !(pair == 0 && half == 1), "fit \(pair)/\(half) does not exist")
        self.pair = pair
        self.half = half
    }

    /// The fit on the whole training split.
    public static let reference = FitID(pair: 0, half: 0)

    public var isReference: Bool { pair == 0 }

    /// The fits of `pair`: the reference fit for 0, else halves a and b.
    public static func fits(ofPair pair: Int) -> [FitID] {
        pair == 0 ? [.reference] : [FitID(pair: pair, half: 0), FitID(pair: pair, half: 1)]
    }

    /// Every fit of a run with `repeats` pairs: the reference fit, then 1a, 1b, 2a, ...
    public static func all(repeats: Int) -> [FitID] { (0 ... max(repeats, 0)).flatMap(fits(ofPair:)) }

    /// `a` or `b`.
    public var halfLetter: String { half == 0 ? "a" : "b" }

    /// File name in a fits folder: `fit-<pair>-<a|b>.tsv`.
    public var fileName: String { "fit-\(pair)-\(halfLetter).tsv" }

    /// The fit named by a fits-folder file name, nil for other names.
    public init?(fileName: String) {
        guard fileName.hasPrefix("fit-"), fileName.hasSuffix(".tsv") else { return nil }
        let parts = fileName.dropFirst(4).dropLast(4).split(separator: "-")
        guard parts.count == 2, let pair = Int(parts[0]), pair >= 0, let half = ["a", "b"].firstIndex(of: String(parts[1])),
              !(pair == 0 && half == 1) else { return nil }
        self.init(pair: pair, half: half)
    }

    /// The fit's random stream, derived from (pair, half) only, so any scheduling and any
    /// number of threads give the same fit.
    public var stream: [UInt64] { [UInt64(pair), UInt64(half)] }

    public static func < (a: FitID, b: FitID) -> Bool { (a.pair, a.half) < (b.pair, b.half) }

    public var description: String { isReference ? "the reference fit" : "pair \(pair) half \(halfLetter)" }
}
