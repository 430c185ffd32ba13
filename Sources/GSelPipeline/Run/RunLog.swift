import Foundation

/// Where a run reports to people: log lines and fit progress. The CLI writes them to
/// stderr (a progress bar on a terminal); tests and library users collect or silence them.
public final class RunLog: @unchecked Sendable {
    private let message: @Sendable (String) -> Void
    private let fitProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    private let start = Date()

    public init(message: @escaping @Sendable (String) -> Void,
                fitProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) {
        self.message = message
        self.fitProgress = fitProgress
    }

    /// A log that says nothing.
    public static var silent: RunLog { RunLog(message: { _ in }) }

    public func info(_ text: String) { message(text) }

    /// Called as fits finish (under the run's lock): `done` of `total` new fits.
    func fitsDone(_ done: Int, of total: Int) { fitProgress?(done, total) }

    /// Seconds since the log was made.
    public var elapsed: Double { Date().timeIntervalSince(start) }
}
