import Foundation
import GSelPipeline

/// The command line's `RunLog`: lines on stderr, fit progress as a redrawn bar on a
/// terminal or a line every ~10 % otherwise, nothing with --quiet.
enum StderrLog {
    static func make(quiet: Bool) -> RunLog {
        guard !quiet else { return .silent }
        let bar = ProgressBar()
        return RunLog(message: { write("gsel: \($0)\n") }, fitProgress: { bar.update(done: $0, total: $1) })
    }

    static func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

/// Fits done / total with elapsed time and ETA. An adaptive run reports its fits in rounds:
/// the ETA of a round counts from the end of the previous one.
private final class ProgressBar: @unchecked Sendable {
    private let start = Date()
    private var roundStart = Date()
    private var lastDecile = -1
    private let terminal = isatty(2) != 0

    func update(done: Int, total: Int) {
        guard total > 0 else { return }
        let now = Date(), elapsed = now.timeIntervalSince(start)
        let eta = now.timeIntervalSince(roundStart) / Double(done) * Double(total - done)
        defer { if done == total { roundStart = now; lastDecile = -1 } }
        if terminal {
            let filled = 30 * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
            StderrLog.write(String(format: "\rgsel: fits [%@] %d/%d  %.0fs elapsed, ETA %.0fs ", bar, done, total, elapsed, eta)
                            + (done == total ? "\n" : ""))
        } else if 10 * done / total != lastDecile {
            lastDecile = 10 * done / total
            StderrLog.write(String(format: "gsel: fits %d/%d done (%.1fs elapsed, ETA %.1fs)\n", done, total, elapsed, eta))
        }
    }
}
