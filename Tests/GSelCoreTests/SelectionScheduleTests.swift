import XCTest
import GSelCore

final class SelectionScheduleTests: XCTestCase {
    func testExactlyKPicksAtPhaseEndsAfterWarmup() {
        for (steps, k, s) in [(1000, 10, 1), (1003, 7, 1), (500, 10, 3), (50, 40, 1), (20, 30, 1)] {
            let sch = SelectionSchedule(totalSteps: steps, warmupFraction: 0.1, k: k, picksPerPhase: s)
            XCTAssertEqual(sch.picksPerPhase.reduce(0, +), k)
            XCTAssertEqual(sch.phaseEnds.count, (k + s - 1) / s)
            XCTAssertEqual(sch.phaseEnds.last, sch.totalSteps - 1, "last pick at the last step")
            XCTAssertGreaterThanOrEqual(sch.totalSteps, steps)
            var previous = sch.warmupSteps - 1
            var ended = 0
            for step in 0 ..< sch.totalSteps {
                if let phase = sch.phaseEnding(at: step) {
                    XCTAssertFalse(sch.isWarmup(step), "no pick during warm-up")
                    XCTAssertEqual(phase, ended)
                    XCTAssertGreaterThan(step, previous, "each phase has at least one step")
                    previous = step
                    ended += 1
                }
            }
            XCTAssertEqual(ended, sch.phaseEnds.count)
            // Phases are equal up to one step.
            var lengths: [Int] = []
            var start = sch.warmupSteps
            for e in sch.phaseEnds { lengths.append(e - start + 1); start = e + 1 }
            XCTAssertLessThanOrEqual(lengths.max()! - lengths.min()!, 1)
        }
    }

    func testWarmupFraction() {
        let sch = SelectionSchedule(totalSteps: 1000, warmupFraction: 0.1, k: 9, picksPerPhase: 1)
        XCTAssertEqual(sch.warmupSteps, 100)
        XCTAssertEqual(sch.phaseEnds.first, 199)
    }
}
