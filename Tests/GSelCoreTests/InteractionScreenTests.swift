import XCTest
@testable import GSelCore
import GSelIO
import _TestSupport

/// The interaction screen (issue 20): the pair statistic against a direct computation, the
/// planted XOR pair found on the residual of the linear drivers (binary, three classes,
/// a value), nothing accepted on noise, and the rule that puts accepted pairs into the rows.
final class InteractionScreenTests: XCTestCase {
    private func data(_ matrix: DenseMatrix) -> StandardizedData {
        StandardizedData(matrix: matrix, rows: Array(0 ..< matrix.rowCount))
    }

    /// Every scored pair's |T| equals Σ r z_i z_j / sqrt(Σ r² z_i² z_j²) summed directly; the
    /// best pair is the largest of them; a pair with |r| ≥ 0.75, two members of one slot and a
    /// feature with itself are never scored.
    func testStatisticMatchesADirectSumAndSkipsSubstitutes() throws {
        var rng = SeededGenerator(seed: 3)
        let n = 60, c = 6
        var z = (0 ..< n * c).map { _ in Float(rng.nextGaussian()) }
        for i in 0 ..< n { z[i * c + 5] = z[i * c + 4] + Float(0.05 * rng.nextGaussian()) }  // 4 and 5: substitutes
        // Standardize the columns as the screen does.
        for j in 0 ..< c {
            let col = (0 ..< n).map { Double(z[$0 * c + j]) }
            let mean = col.reduce(0, +) / Double(n)
            let sd = (col.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
            for i in 0 ..< n { z[i * c + j] = Float((col[i] - mean) / sd) }
        }
        // The residual follows 4·5 (a square, not an interaction) and, weaker, 0·2.
        let r = (0 ..< n).map { i in Float(Double(z[i * c + 4] * z[i * c + 5]) + 0.6 * Double(z[i * c] * z[i * c + 2]) + 0.5 * rng.nextGaussian()) }
        let table = PairStatistics(z: z, samples: n, candidates: c, minimumCorrelation: 0.75)
        func direct(_ a: Int, _ b: Int) -> Double {
            var num = 0.0, den = 0.0
            for i in 0 ..< n {
                let v = Double(r[i]) * Double(z[i * c + a]) * Double(z[i * c + b])
                num += v; den += v * v
            }
            return abs(num) / den.squareRoot()
        }
        var expected: (Int, Int, Double) = (0, 0, -1)
        for a in 0 ..< c { for b in a + 1 ..< c where !(a == 4 && b == 5) { if direct(a, b) > expected.2 { expected = (a, b, direct(a, b)) } } }
        let best = try XCTUnwrap(table.best(residuals: [r]))
        XCTAssertEqual([best.first, best.second], [expected.0, expected.1])
        XCTAssertEqual([best.first, best.second], [0, 2], "the planted pair, not the substitutes 4 and 5")
        XCTAssertEqual(best.statistic, expected.2, accuracy: 1e-4 * expected.2)
        XCTAssertGreaterThan(direct(4, 5), best.statistic, "the substitutes would win if they were scored")
        // Two members of one consensus slot are not paired either.
        let slotted = PairStatistics(z: z, samples: n, candidates: c, minimumCorrelation: 0.75, slots: [7, nil, 7, nil, nil, nil])
        let other = try XCTUnwrap(slotted.best(residuals: [r]))
        XCTAssertNotEqual([other.first, other.second], [0, 2])
        // Skipping the winner gives the next pair, still matching the direct sum.
        let next = try XCTUnwrap(table.best(residuals: [r], skip: [[0, 2]]))
        XCTAssertNotEqual([next.first, next.second], [0, 2])
        XCTAssertEqual(next.statistic, direct(next.first, next.second), accuracy: 1e-4 * next.statistic)
    }

    /// Planted data (800 samples x 300 features, 4 linear drivers, near-copies of two, an XOR
    /// pair of weight 1): on the residual of the drivers the screen accepts exactly the XOR
    /// pair, above the threshold, with a family-wise p below the level; the same on 1 and 2 threads.
    func testFindsThePlantedXORPairOnTheDriversResidual() throws {
        var found = 0
        for seed: UInt64 in 1 ... 3 {
            let planted = PlantedSignal(samples: 800, features: 300, linearCount: 4, pair: .xor(weight: 1), seed: seed)
            let target = Target.classes(codes: planted.labels, names: ["control", "case"])
            let candidates = planted.linear + Array(0 ..< planted.features)
            let result = InteractionScreen.run(train: data(planted.matrix), target: target, model: planted.linear,
                                               candidates: candidates, maximumPairs: 1, seed: seed)
            XCTAssertEqual(result.candidates, 300)
            XCTAssertEqual(result.samples, 800)
            XCTAssertTrue(result.threshold > 3 && result.threshold < 6, "seed \(seed): threshold \(result.threshold)")
            if let pair = result.pairs.first, [pair.first, pair.second] == planted.xorPair.sorted() {
                found += 1
                XCTAssertGreaterThan(pair.statistic, result.threshold)
                XCTAssertLessThan(pair.familyWiseP, InteractionScreen.level)
            }
            let twoThreads = InteractionScreen.run(train: data(planted.matrix), target: target, model: planted.linear,
                                                   candidates: candidates, maximumPairs: 1, seed: seed, threads: 2)
            XCTAssertEqual(twoThreads, result, "seed \(seed): threads change the screen")
        }
        XCTAssertEqual(found, 3, "the XOR pair is the accepted pair on every seed")
    }

    /// Labels that depend on nothing: across 4 seeds at most one pair passes (the level is
    /// 1/20 per screen), and the largest rejected pair is reported.
    func testAcceptsNothingOnNoise() {
        var accepted = 0
        for seed: UInt64 in 1 ... 4 {
            var rng = SeededGenerator(seed: seed, stream: [9])
            let n = 400, p = 120
            let m = DenseMatrix(rows: n, columns: p, values: (0 ..< n * p).map { _ in Float(rng.nextGaussian()) })
            let labels = (0 ..< n).map { _ in Int32(rng.nextUniform() < 0.5 ? 0 : 1) }
            let result = InteractionScreen.run(train: data(m), target: .classes(codes: labels, names: ["a", "b"]), model: [0, 1],
                                               candidates: Array(0 ..< p), maximumPairs: 2, seed: seed)
            accepted += result.pairs.count
            XCTAssertNotNil(result.largestRejected)
            if let rejected = result.largestRejected, result.pairs.isEmpty {
                XCTAssertLessThanOrEqual(rejected.statistic, result.threshold)
            }
        }
        XCTAssertLessThanOrEqual(accepted, 1)
    }

    /// Three classes (class 2 when the XOR holds, else 1 or 0 by a linear driver) and a value
    /// (y = z_a·z_b + driver + noise): the pair is found on the per-class and on the ridge residual.
    func testFindsThePairForThreeClassesAndForAValue() throws {
        var rng = SeededGenerator(seed: 11)
        let n = 900, p = 150, a = 17, b = 88, driver = 40
        var values = (0 ..< n * p).map { _ in Float(rng.nextGaussian()) }
        var classes = [Int32](), y = [Float]()
        for i in 0 ..< n {
            let za = values[i * p + a], zb = values[i * p + b], d = values[i * p + driver]
            classes.append((za > 0) != (zb > 0) ? 2 : (d + Float(0.5 * rng.nextGaussian()) > 0 ? 1 : 0))
            y.append(za * zb + d + Float(0.5 * rng.nextGaussian()))
        }
        let train = data(DenseMatrix(rows: n, columns: p, values: values))
        let three = InteractionScreen.run(train: train, target: .classes(codes: classes, names: ["x", "y", "z"]), model: [driver],
                                          candidates: Array(0 ..< p), maximumPairs: 1, seed: 1)
        XCTAssertEqual(three.pairs.map { [$0.first, $0.second] }, [[a, b]])
        XCTAssertNotNil(three.pairs.first?.output, "the class whose residual shows the pair")
        let value = InteractionScreen.run(train: train, target: .values(y), model: [driver], candidates: Array(0 ..< p),
                                          maximumPairs: 1, seed: 1)
        XCTAssertEqual(value.pairs.map { [$0.first, $0.second] }, [[a, b]])
        XCTAssertNil(value.pairs.first?.output)
    }

    /// Pairs take the last places of the list; a member that a kept row holds (here as a slot
    /// member) marks that row instead of taking a place; stable and included rows are never displaced.
    func testRowsPutPairsAtTheEndOfTheList() {
        func row(_ unit: Int, members: [Int] = [], included: Bool = false) -> RankedEntry {
            var e = RankedEntry(unit: unit, frequency: 0.5, fullFrequency: nil, support: 0.5, stable: false, meanSelectionOrder: 1,
                                meanScore: 1, members: members.map { .init(unit: $0, share: 0.5) })
            e.included = included
            return e
        }
        let entries = (0 ..< 6).map { row($0 * 10, members: $0 == 1 ? [10, 11] : []) }
        let perFeature = ConsensusRanking(stabilityFits: [], graph: SubstituteGraph(minimumCorrelation: 0.75, correlations: []),
                                          featureCount: 100, q: 6, threshold: 0.6)
        func result(_ pairs: [(Int, Int)]) -> InteractionScreen.Result {
            .init(pairs: pairs.map { .init(first: $0.0, second: $0.1, statistic: 9, familyWiseP: 0.05, output: nil) }, largestRejected: nil,
                  candidates: 100, samples: 50, threshold: 5)
        }
        // Both members new: rows 5 and 6 (units 40, 50) give way.
        let both = result([(70, 80)]).rows(entries, k: 6, perFeature: perFeature)
        XCTAssertEqual(both.map(\.unit), [0, 10, 20, 30, 70, 80])
        XCTAssertEqual(both.map(\.interactsWith), [[], [], [], [], [80], [70]])
        XCTAssertEqual(both[4].frequency, 0, "no fit picked it")
        // One member (11) is a slot member of row 2: that row is marked, one new row.
        let one = result([(11, 90)]).rows(entries, k: 6, perFeature: perFeature)
        XCTAssertEqual(one.map(\.unit), [0, 10, 20, 30, 40, 90])
        XCTAssertEqual(one[1].interactsWith, [90])
        XCTAssertEqual(one[5].interactsWith, [11])
        // A member in a row that the pair itself displaces is added back as a row of its own.
        let displaced = result([(50, 95)]).rows(entries, k: 6, perFeature: perFeature)
        XCTAssertEqual(displaced.map(\.unit), [0, 10, 20, 30, 50, 95])
        XCTAssertEqual(displaced[4].interactsWith, [95])
        // Five included rows of six, or five stable ones: a pair needing two places is left out,
        // one needing one place is listed.
        let included = (0 ..< 6).map { row($0, included: $0 < 5) }
        XCTAssertEqual(result([(70, 80)]).rows(included, k: 6, perFeature: perFeature), included)
        var stable = entries
        for i in 0 ..< 5 { stable[i].stable = true }
        XCTAssertEqual(result([(70, 80)]).rows(stable, k: 6, perFeature: perFeature), stable)
        let fits = result([(70, 80), (0, 90)]).rows(stable, k: 6, perFeature: perFeature)
        XCTAssertEqual(fits.map(\.unit), [0, 10, 20, 30, 40, 90], "the second pair needs one place")
        XCTAssertFalse(InteractionScreen.Result.listed(result([(70, 80)]).pairs[0], in: fits))
        XCTAssertTrue(InteractionScreen.Result.listed(.init(first: 0, second: 90, statistic: 9, familyWiseP: 0.05, output: nil), in: fits))
    }
}
