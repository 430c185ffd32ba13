import GSelIO

/// Two disjoint halves of a set of samples for one complementary pair of stability
/// selection (Shah & Samworth 2013), stratified by class for classification: each
/// class is split in half, and the odd sample of successive odd-sized classes goes
/// alternately to the first and the second half, so the halves differ by at most
/// one sample. Deterministic in (seed, stream); row lists are ascending.
public struct ComplementaryHalves: Sendable, Equatable {
    public let first: [Int]
    public let second: [Int]

    /// Splits `rows` (indices into `target`) into two halves; `stream` identifies the pair.
    public init(rows: [Int], target: Target, seed: UInt64, stream: [UInt64] = []) {
        var generator = SeededGenerator(seed: seed, stream: stream)
        var first: [Int] = [], second: [Int] = []
        var oddGoesFirst = true
        for group in SampleStrata.of(rows, target: target) {
            var shuffled = group
            generator.shuffle(&shuffled)
            var cut = shuffled.count / 2
            if shuffled.count % 2 == 1 {
                if oddGoesFirst { cut += 1 }
                oddGoesFirst.toggle()
            }
            first += shuffled[..<cut]
            second += shuffled[cut...]
        }
        self.first = first.sorted()
        self.second = second.sorted()
    }
}
