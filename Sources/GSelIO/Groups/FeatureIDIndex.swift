/// Feature id → input index (the first one for an id listed twice): how the group file and
/// the include list find the input's features.
enum FeatureIDIndex {
    static func firstIndices(_ featureIDs: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(featureIDs.count)
        for (j, id) in featureIDs.enumerated() where index[id] == nil { index[id] = j }
        return index
    }
}
