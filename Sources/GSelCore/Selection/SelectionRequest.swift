import GSelIO

/// Checks shared by every selector before it touches the data: the one place where k is
/// checked against what can be picked (features, or groups).
enum SelectionRequest {
    /// Throws an `InputError` when the target does not fit the data, there are fewer than 2
    /// samples or `groups` do not cover the data, and a `ParameterError` when `k` is not in
    /// 1 ... candidates (features or groups; covariates are never candidates).
    /// `included` (features selected before the first pick) must be distinct candidates, at
    /// most k of them, and cannot be combined with groups.
    static func validate(_ data: StandardizedData, target: Target, k: Int, groups: FeatureGroups? = nil,
                         included: [Int] = [], method: String) throws {
        guard target.count == data.sampleCount else {
            throw InputError(file: "", "\(method): the target has \(target.count) values but the data has \(data.sampleCount) samples")
        }
        guard data.sampleCount >= 2 else {
            throw InputError(file: "", "\(method): at least 2 samples are needed to select features, found \(data.sampleCount)")
        }
        if let groups, groups.featureCount != data.candidateCount {
            throw InputError(file: "", "\(method): the feature groups cover \(groups.featureCount) features but the data has \(data.candidateCount)")
        }
        let candidates = groups?.count ?? data.candidateCount
        guard k >= 1 && k <= candidates else {
            throw ParameterError("k", "must be between 1 and the number of \(groups == nil ? "features" : "groups") (\(candidates)) for \(method); got \(k)")
        }
        guard !included.isEmpty else { return }
        if groups != nil { throw ParameterError("include", "cannot be combined with feature groups in \(method)") }
        if let j = included.first(where: { !(0 ..< data.candidateCount).contains($0) }) {
            throw ParameterError("include", "feature \(j) is not a candidate (\(data.candidateCount) features) in \(method)")
        }
        if Set(included).count != included.count { throw ParameterError("include", "lists a feature twice in \(method)") }
        if included.count > k {
            throw ParameterError("include", "lists \(included.count) features, more than the \(k) picks of \(method)")
        }
    }
}
