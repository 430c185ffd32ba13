import GSelCore
import GSelIO

extension LoadedInput {
    /// This input restricted to the features `chunking` names (itself without one): its
    /// region, then its chunk when it has an index (the tournament form keeps every chunk of
    /// the region). Logs and notes what was kept; throws when the region holds no feature
    /// or there are fewer features than chunks.
    func scoped(to chunking: ChunkParameters?, file: String, log: RunLog) throws -> LoadedInput {
        guard let chunking else { return self }
        let regionColumns = try chunking.regionColumns(of: matrix.features, file: file)
        try chunking.requireSplittable(regionColumns.count, file: file)
        var notes: [String] = []
        if let region = chunking.region {
            notes.append("region \(region): \(regionColumns.count) of \(featureCount) features")
        }
        var columns = regionColumns
        if let count = chunking.count, count > 1, let index = chunking.index {
            let slice = ChunkParameters.slice(index, of: count, featureCount: regionColumns.count)
            columns = Array(regionColumns[slice])
            notes.append(chunkNote(index, of: count, slice: slice, total: regionColumns.count, columns: columns))
        }
        for note in notes { log.info(note) }
        guard columns.count < featureCount else {
            var copy = self
            copy.matrix.notes += notes
            return copy
        }
        return restricted(to: columns, notes: notes)
    }

    /// Chunk `index` of `count` of this (region-scoped) input, as `scoped` makes it for a
    /// run with `--chunk index`: the one-machine tournament runs its chunks through this.
    func chunk(_ index: Int, of count: Int, log: RunLog) -> LoadedInput {
        let slice = ChunkParameters.slice(index, of: count, featureCount: featureCount)
        let note = chunkNote(index, of: count, slice: slice, total: featureCount, columns: Array(slice))
        log.info(note)
        return restricted(to: Array(slice), notes: [note])
    }

    /// This input with only the features at `columns` (ascending positions into
    /// `matrix.features`): the store becomes a compact copy of those columns over all rows
    /// (`FeatureMatrix.subset`), so the whole store is freed once the caller drops `self`.
    /// Samples, labels, covariates and checksums are unchanged.
    func restricted(to columns: [Int], notes: [String]) -> LoadedInput {
        let m = matrix
        let store = m.matrix.subset(rows: Array(0 ..< m.matrix.rowCount), columns: columns)
        var copy = self
        copy.matrix = LoadedMatrix(kind: m.kind, format: m.format, sampleIDs: m.sampleIDs,
                                   features: columns.map { m.features[$0] }, matrix: store,
                                   sampleAnnotations: m.sampleAnnotations, counters: m.counters, notes: m.notes + notes)
        copy.selectionMatrix = covariates.map {
            CovariateMatrix(base: store, covariates: $0.values, covariateCount: $0.columnCount)
        } ?? store
        return copy
    }

    /// "chunk 3 of 10: features 101-150 of 500 (1:3197400 to 2:1234)": 1-based positions
    /// among the features the chunks split, and the variant span when there are positions.
    private func chunkNote(_ index: Int, of count: Int, slice: Range<Int>, total: Int, columns: [Int]) -> String {
        let span: String
        if let first = columns.first.flatMap({ matrix.features[$0].variant }),
           let last = columns.last.flatMap({ matrix.features[$0].variant }) {
            span = " (\(first.chrom):\(first.pos) to \(last.chrom):\(last.pos))"
        } else {
            span = ""
        }
        return "chunk \(index) of \(count): features \(slice.lowerBound + 1)-\(slice.upperBound) of \(total)\(span)"
    }
}
