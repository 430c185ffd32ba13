import GSelIO

/// Checks shared by every selector before it touches the data: the one place where k is
/// checked against what can be picked (features, or groups).
enum SelectionRequest {
    /// Throws an `InputError` when the target does not fit the data, there are fewer than 2
    /// samples or `groups` do not cover the data, and a `ParameterError` when `k` is not in
    /// 1 ... candidates (features or groups; covariates are never candidates).
    static func validate(_ data: StandardizedData, target: Target, k: Int, groups: FeatureGroups? = nil,
                         method: String) throws {
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
    }
}
