import Foundation

/// Fits done / total on stderr: a redrawn bar on a terminal, a log line every ~10 %
/// otherwise, nothing with --quiet.
final class Progress: @unchecked Sendable {
    private let total: Int
    private let log: Log
    private var done = 0
    private var lastReported = -1
    private let start = Date()
    private let terminal = Log.stderrIsTerminal

    init(total: Int, log: Log) {
        self.total = total
        self.log = log
    }

    func advance() {
        done += 1
        guard total > 0, !log.isQuiet else { return }
        let elapsed = Date().timeIntervalSince(start)
        let eta = elapsed / Double(done) * Double(total - done)
        if terminal {
            let width = 30
            let filled = width * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            FileHandle.standardError.write(Data(String(format: "\rgsel: fits [%@] %d/%d  %.0fs elapsed, ETA %.0fs ", bar, done, total, elapsed, eta).utf8))
        } else {
            let decile = 10 * done / total
            if decile != lastReported {
                lastReported = decile
                log.info(String(format: "fits %d/%d done (%.1fs elapsed, ETA %.1fs)", done, total, elapsed, eta))
            }
        }
    }

    func finish() {
        if terminal && total > 0 && !log.isQuiet { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
