extension LabelTable {
    /// Matches the labels to a matrix's samples (by position when the ids are the very same
    /// list, e.g. an annotation column, else by id) and encodes them for `task`
    /// (nil = auto-detect). Throws when no sample id matches, or no matched sample has a label.
    public func align(to matrixSampleIDs: [String], task: TaskKind? = nil) throws -> AlignedLabels {
        var rows: [Int] = []
        var entries: [Int] = []
        var notInLabels = 0, missing = 0, matched = 0
        var labelsWithoutSample = 0
        if matrixSampleIDs == sampleIDs {
            for i in sampleIDs.indices {
                if values[i] == nil { missing += 1 } else { rows.append(i); entries.append(i) }
            }
            matched = sampleIDs.count
        } else {
            var index: [String: Int] = [:]
            index.reserveCapacity(sampleIDs.count)
            for (i, id) in sampleIDs.enumerated() { index[id] = i }
            for (row, id) in matrixSampleIDs.enumerated() {
                guard let i = index[id] else { notInLabels += 1; continue }
                matched += 1
                if values[i] == nil { missing += 1 } else { rows.append(row); entries.append(i) }
            }
            let matrixIDs = Set(matrixSampleIDs)
            labelsWithoutSample = sampleIDs.reduce(0) { $0 + (matrixIDs.contains($1) ? 0 : 1) }
        }
        if matched == 0 {
            throw InputError(file: source, location: "column \(sampleColumn)",
                             "none of the \(sampleIDs.count) label sample ids matches any of the \(matrixSampleIDs.count) matrix sample ids; label ids: \(Self.examples(sampleIDs)); matrix sample ids: \(Self.examples(matrixSampleIDs)) (is --layout or --sample-col right?)")
        }
        if entries.isEmpty {
            throw InputError(file: source, location: "column \(labelColumn)",
                             "all \(matched) samples found in the labels have a missing label (NA, empty or -9); expected label values")
        }
        let (_, target, why) = try LabelEncoder(table: self).encode(entries, task: task)
        var notes = [why, "labels: \(rows.count) of \(matrixSampleIDs.count) samples labelled from column '\(labelColumn)'"]
        if notInLabels > 0 { notes.append("\(notInLabels) samples have no row in the labels and are dropped") }
        if missing > 0 { notes.append("\(missing) samples have a missing label and are dropped") }
        if labelsWithoutSample > 0 { notes.append("\(labelsWithoutSample) label rows match no sample and are ignored") }
        return AlignedLabels(rows: rows, target: target, samplesNotInLabels: notInLabels,
                             samplesWithMissingLabel: missing, labelsWithoutSample: labelsWithoutSample, notes: notes)
    }

    private static func examples(_ ids: [String]) -> String {
        ids.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (ids.count > 5 ? ", ..." : "")
    }
}
