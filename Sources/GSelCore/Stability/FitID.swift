/// Which fit of a run. Pair 0 holds the full-split fits, each on the whole training split
/// with its own random stream (replicate a, b, c, …; the first, 0a, is the reference fit
/// whose picks are the selection path); pairs 1...B are the complementary pairs, each with
/// halves a (0) and b (1). The one place that knows a fit's file name, random stream and
/// order, so resume, scatter and aggregation name fits the same way.
public struct FitID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let pair: Int
    /// The half (0 = a, 1 = b) of a pair; for pair 0, which full-split fit (0 = a, 1 = b, …).
    public let half: Int

    /// Most full-split fits a run can have (one letter each).
    public static let maximumFullFits = 26

    public init(pair: Int, half: Int) {
        precondition(Self.exists(pair: pair, half: half), "fit \(pair)/\(half) does not exist")
        self.pair = pair
        self.half = half
    }

    /// The first fit on the whole training split: its picks are the selection path.
    public static let reference = FitID(pair: 0, half: 0)

    public var isReference: Bool { self == .reference }
    /// A fit on the whole training split (pair 0).
    public var isFullSplit: Bool { pair == 0 }

    /// The fits of `pair`: the `fullFits` full-split fits for 0, else halves a and b.
    public static func fits(ofPair pair: Int, fullFits: Int) -> [FitID] {
        pair == 0 ? (0 ..< max(1, min(fullFits, maximumFullFits))).map { FitID(pair: 0, half: $0) }
            : [FitID(pair: pair, half: 0), FitID(pair: pair, half: 1)]
    }

    /// `a`, `b`, … (the half, or the full-split replicate).
    public var halfLetter: String { String(UnicodeScalar(UInt8(97 + half))) }

    /// The half or replicate named by `letter`, nil for other text.
    static func half(letter: String) -> Int? {
        guard letter.count == 1, let a = letter.unicodeScalars.first?.value, (97 ..< 97 + UInt32(maximumFullFits)).contains(a) else { return nil }
        return Int(a - 97)
    }

    /// Whether (pair, half) names a fit.
    static func exists(pair: Int, half: Int) -> Bool { pair >= 0 && half >= 0 && half < (pair == 0 ? maximumFullFits : 2) }

    /// File name in a fits folder: `fit-<pair>-<letter>.tsv`.
    public var fileName: String { "fit-\(pair)-\(halfLetter).tsv" }

    /// The fit named by a fits-folder file name, nil for other names.
    public init?(fileName: String) {
        guard fileName.hasPrefix("fit-"), fileName.hasSuffix(".tsv") else { return nil }
        let parts = fileName.dropFirst(4).dropLast(4).split(separator: "-")
        guard parts.count == 2, let pair = Int(parts[0]), let half = Self.half(letter: String(parts[1])),
              Self.exists(pair: pair, half: half) else { return nil }
        self.init(pair: pair, half: half)
    }

    /// The fit's random stream, derived from (pair, half) only, so any scheduling and any
    /// number of threads give the same fit.
    public var stream: [UInt64] { [UInt64(pair), UInt64(half)] }

    public static func < (a: FitID, b: FitID) -> Bool { (a.pair, a.half) < (b.pair, b.half) }

    public var description: String {
        isReference ? "the reference fit" : isFullSplit ? "full-split fit \(halfLetter)" : "pair \(pair) half \(halfLetter)"
    }
}
