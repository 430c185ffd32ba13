import GSelCore
import GSelIO
import XCTest

/// Fit files are read back like user input (issue 24): checksum, ids, finite values and
/// the number of picks; each refusal names the file.
final class FitFileTests: XCTestCase {
    let ids = ["g0", "g1", "g2", "g3", "g4"]
    let fit = FitRecord(id: FitID(pair: 2, half: 1), result: SelectionResult(
        picks: [.init(feature: 3, score: 0.25, loss: 0.5), .init(feature: 1, score: 0.125, loss: nil)],
        snapshots: [.init(step: 1, candidates: [(feature: 3, weight: 0.25), (feature: 0, weight: 0.5)])]))

    /// `text` with its checksum line recomputed, as a careful forger would.
    func resealed(_ text: String) -> String {
        let body = text.split(separator: "\n").filter { !$0.hasPrefix("# sha256=") }.map { $0 + "\n" }.joined()
        return body + "# sha256=\(SHA256.hex(body))\n"
    }

    func parse(_ text: String, picks: Int = 2) throws -> FitRecord {
        try FitFile.parse(text, path: "fits/fit-2-b.tsv", featureIDs: ids, picks: picks).fit
    }

    func message(_ body: () throws -> Any) -> String {
        do { _ = try body(); return "accepted" } catch { return "\(error)" }
    }

    func testRoundTripIsExact() throws {
        let text = FitFile.render(fit, fingerprint: "abc", featureIDs: ids)
        XCTAssertTrue(text.hasSuffix("# sha256=\(SHA256.hex(String(text.prefix(upTo: text.range(of: "# sha256=")!.lowerBound))))\n"))
        XCTAssertEqual(try parse(text), fit)
        XCTAssertEqual(try FitFile.parse(text, path: "x", featureIDs: ids, picks: 2).fingerprint, "abc")
    }

    func testDamageIsRefusedWithTheFile() throws {
        let text = FitFile.render(fit, fingerprint: "abc", featureIDs: ids)
        let lines = text.split(separator: "\n").map(String.init)
        let cut = lines.prefix { !$0.hasPrefix("candidate") }.joined(separator: "\n") + "\n"
        XCTAssertTrue(message { try self.parse(cut) }.contains("incomplete"), message { try self.parse(cut) })
        let changed = text.replacingOccurrences(of: "\t0.25\t0.5", with: "\t0.35\t0.5")
        XCTAssertTrue(message { try self.parse(changed) }.contains("checksum"))
        // Resealed damage is still caught by the content checks.
        let cases: [(String, String)] = [
            (text.replacingOccurrences(of: "pick\t1\t3\tg3", with: "pick\t1\t3\tg4"), "names it 'g4'"),
            (text.replacingOccurrences(of: "pick\t1\t3\tg3\t0.25", with: "pick\t1\t3\tg3\tnan"), "finite value"),
            (text.components(separatedBy: "\n").filter { !$0.hasPrefix("pick\t2") }.joined(separator: "\n"), "has 1 picks; a fit of this run has 2"),
            (text.replacingOccurrences(of: "pick\t2\t1\tg1", with: "pick\t2\t3\tg3"), "picks a feature twice"),
        ]
        for (bad, expected) in cases {
            let m = message { try self.parse(self.resealed(bad)) }
            XCTAssertTrue(m.contains(expected) && m.contains("fit-2-b.tsv"), m)
        }
        XCTAssertTrue(message { try self.parse(text, picks: 3) }.contains("has 2 picks"))
    }

    /// A selector that stopped early may hold fewer picks, and says so.
    func testEarlyStopMayHoldFewerPicks() throws {
        var stopped = fit
        stopped.stopReason = "no residual left"
        let text = FitFile.render(stopped, fingerprint: "abc", featureIDs: ids)
        XCTAssertEqual(try parse(text, picks: 4).picks.count, 2)
    }
}
