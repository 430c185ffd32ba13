/// A 95 % interval `[low, high]` around a held-out metric (`Metrics.wilson` for accuracy,
/// `HeldOutBootstrap` for the others and for paired differences).
public struct MetricInterval: Sendable, Equatable, Codable {
    public var low: Double
    public var high: Double

    /// Coverage of every interval gsel reports.
    public static let level = 0.95

    public init(low: Double, high: Double) {
        precondition(low <= high, "interval bounds out of order: \(low) > \(high)")
        self.low = low; self.high = high
    }

    public func contains(_ value: Double) -> Bool { low <= value && value <= high }
    public var width: Double { high - low }
}
