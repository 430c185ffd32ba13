/// Parses a `feature_id group_id` file against the input's feature ids.
struct FeatureGroupFileReader {
    let path: String
    /// How many unknown feature ids an error message lists.
    static let exampleCount = 5

    func read(featureIDs: [String]) throws -> FeatureGroups {
        let featureIndex = FeatureIDIndex.firstIndices(featureIDs)

        var names: [String] = [], groupIndex: [String: Int] = [:]
        var groupOf = [Int](repeating: -1, count: featureIDs.count)
        var assignedOn = [Int](repeating: 0, count: featureIDs.count)
        var unknown: [(id: String, line: Int)] = [], unknownCount = 0
        var notes: [String] = [], rows = 0
        try FeatureIDRows.forEach(path: path, comments: false) { n, fields, isFirst in
            if isFirst, let first = fields.first, featureIndex[first] == nil {
                notes.append("\(path): line \(n) read as the header (\(fields.joined(separator: ", ")))")
                return
            }
            guard fields.count == 2 else {
                throw InputError(file: path, location: "line \(n)",
                                 "expected 2 fields (feature_id, group_id), found \(fields.count)")
            }
            let (feature, group) = (fields[0], fields[1])
            if feature.isEmpty || group.isEmpty {
                throw InputError(file: path, location: "line \(n)",
                                 "empty \(feature.isEmpty ? "feature id" : "group id"); expected a feature id and a group id")
            }
            rows += 1
            guard let j = featureIndex[feature] else {
                unknownCount += 1
                if unknown.count < Self.exampleCount { unknown.append((feature, n)) }
                return
            }
            let g: Int
            if let existing = groupIndex[group] { g = existing } else {
                g = names.count
                groupIndex[group] = g
                names.append(group)
            }
            if groupOf[j] >= 0 && groupOf[j] != g {
                throw InputError(file: path, location: "line \(n)",
                                 "feature '\(feature)' is in group '\(names[groupOf[j]])' (line \(assignedOn[j])) and in group '\(group)' (line \(n)); expected each feature in one group only")
            }
            if groupOf[j] < 0 { groupOf[j] = g; assignedOn[j] = n }
        }
        if unknownCount > 0 {
            let examples = unknown.map { "'\($0.id)' (line \($0.line))" }.joined(separator: ", ")
            throw InputError(file: path, location: "line \(unknown[0].line)",
                             "\(unknownCount) of \(rows) feature ids are not features of the input, e.g. \(examples)\(unknownCount > unknown.count ? ", …" : ""); expected feature ids of --input (after its QC filters)")
        }
        if rows == 0 {
            throw InputError(file: path, "no feature_id group_id rows; expected one row per grouped feature")
        }
        return FeatureGroups(names: names, groupOf: groupOf, notes: notes)
    }

}
