import Foundation

/// Messages for people: stderr, silenced by --quiet.
final class Log: @unchecked Sendable {
    private let quiet: Bool
    var isQuiet: Bool { quiet }
    private let start = Date()
    init(quiet: Bool) { self.quiet = quiet }

    func info(_ message: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("gsel: \(message)\n".utf8))
    }

    var elapsed: Double { Date().timeIntervalSince(start) }

    /// Whether stderr is an interactive terminal (progress bars only there).
    static var stderrIsTerminal: Bool { isatty(2) != 0 }
}
