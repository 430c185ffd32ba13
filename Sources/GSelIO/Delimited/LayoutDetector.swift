/// Decides whether a delimited table has samples as rows or as columns.
enum LayoutDetector {
    /// `options.decoding.layout` wins; otherwise the axis whose ids match more label sample ids holds
    /// the samples; with no label ids (or a tie) samples-by-features is assumed.
    /// Returns the layout and a sentence saying why, for the log.
    static func decide(rowIDs: [String], columnIDs: [String], options: ReaderOptions) -> (MatrixLayout, String) {
        if let forced = options.decoding.layout { return (forced, "given by --layout") }
        guard let labels = options.labelSampleIDs, !labels.isEmpty else {
            return (.samplesByFeatures,
                    "no label ids to match, so samples-by-features is assumed (use --layout features-by-samples when samples are columns)")
        }
        let rowHits = rowIDs.reduce(0) { $0 + (labels.contains($1) ? 1 : 0) }
        let columnHits = columnIDs.reduce(0) { $0 + (labels.contains($1) ? 1 : 0) }
        let counts = "\(rowHits) of \(rowIDs.count) first-column ids and \(columnHits) of \(columnIDs.count) header ids are label sample ids"
        if rowHits > columnHits { return (.samplesByFeatures, counts) }
        if columnHits > rowHits { return (.featuresBySamples, counts) }
        return (.samplesByFeatures, "\(counts); neither axis matches better, so samples-by-features is assumed")
    }
}
