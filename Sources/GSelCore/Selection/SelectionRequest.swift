import GSelIO

/// Checks shared by every selector before it touches the data.
enum SelectionRequest {
    /// Throws a `UsageError` when `k` is out of range or the target does not fit the data.
    static func validate(_ data: StandardizedData, target: Target, k: Int, method: String) throws {
        guard target.count == data.sampleCount else {
            throw UsageError("\(method): the target has \(target.count) values but the data has \(data.sampleCount) samples")
        }
        guard data.sampleCount >= 2 else {
            throw UsageError("\(method): at least 2 samples are needed to select features, found \(data.sampleCount)")
        }
        guard k >= 1 else { throw UsageError("--k must be at least 1, found \(k)") }
        guard k <= data.featureCount else {
            throw UsageError("--k \(k) is larger than the number of features (\(data.featureCount))")
        }
    }
}
