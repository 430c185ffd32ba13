import GSelReport
import Testing

/// Expected values follow the 1-2-5 rule of d3-array `ticks` / R `pretty`.
@Suite struct NiceTicksTests {
    @Test func unitIntervalInFifthsAndTenths() {
        #expect(NiceTicks.ticks(from: 0, to: 1, count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks.ticks(from: 0, to: 1, count: 10) == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
    }

    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(NiceTicks.ticks(from: 0, to: 100, count: 5) == [0, 20, 40, 60, 80, 100])
        #expect(NiceTicks.ticks(from: 1, to: 9, count: 5) == [2, 4, 6, 8])
        #expect(NiceTicks.ticks(from: -1, to: 1, count: 4) == [-1, -0.5, 0, 0.5, 1])
        #expect(NiceTicks.ticks(from: 0.93, to: 0.99, count: 5) == [0.93, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99])
        #expect(NiceTicks.ticks(from: 0, to: 36, count: 4) == [0, 10, 20, 30])
        #expect(NiceTicks.ticks(from: 12_000, to: 250_000_000, count: 5) == [50_000_000, 100_000_000, 150_000_000, 200_000_000, 250_000_000])
        for (span, step) in [(1.0, 0.2), (7.5, 2.0), (7.0, 1.0), (3.0, 0.5), (0.03, 0.005), (450.0, 100.0)] {
            #expect(NiceTicks.step(span: span, count: 5) == step, "span \(span)")
        }
    }

    @Test func reversedAndDegenerateRanges() {
        #expect(NiceTicks.ticks(from: 1, to: 0, count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        let flat = NiceTicks.ticks(from: 3, to: 3, count: 5)
        #expect(flat.contains(3) && flat.count > 1)
        #expect(!NiceTicks.ticks(from: 0, to: 0, count: 5).isEmpty)
    }

    @Test func domainEndsOnTicks() {
        let cases: [(lo: Double, hi: Double, expected: [Double])] = [
            (0.12, 0.87, [0, 1]), (0.31, 0.52, [0.3, 0.55]), (-0.37, 0.91, [-0.4, 1]), (3, 97, [0, 100]),
        ]
        for c in cases {
            let d = NiceTicks.domain(from: c.lo, to: c.hi, count: 5)
            #expect([d.lo, d.hi] == c.expected, "domain of \(c.lo)...\(c.hi)")
        }
    }

    @Test func labelsUseTheDecimalsOfTheStep() {
        #expect(NiceTicks.label(0.4, step: 0.2) == "0.4")
        #expect(NiceTicks.label(1, step: 0.2) == "1.0")
        #expect(NiceTicks.label(15, step: 5) == "15")
        #expect(NiceTicks.label(0.05, step: 0.05) == "0.05")
        #expect(NiceTicks.label(0.3, step: 0.1) == "0.3")
        #expect(NiceTicks.label(-0.0000001, step: 0.5) == "0.0")
        #expect(NiceTicks.label(200_000_000, step: 50_000_000) == "200000000")
    }
}
