import GSelIO

/// The samples a run's fits train on, read through one sample-major copy when the store is
/// organised by features (`FeatureMatrix.sampleMajorCopy`, e.g. a `DosageMatrix`):
/// minibatches then read contiguous rows, and the fits in flight share the copy instead of
/// making one each. The readers' stores are sample-major and are read as they are.
public struct TrainingRows: @unchecked Sendable {
    /// The copy (row `position[r]` holds store row r), or the store itself.
    private let matrix: any FeatureMatrix
    /// Store row → row of the copy (-1: not copied); nil when `matrix` is the store.
    private let position: [Int]?

    /// Copies `rows` of `store` (in that order) when the store offers a sample-major copy.
    public init(_ store: any FeatureMatrix, rows: [Int]) {
        guard !rows.isEmpty, let copy = store.sampleMajorCopy(rows: rows) else {
            matrix = store
            position = nil
            return
        }
        var position = [Int](repeating: -1, count: store.rowCount)
        for (i, r) in rows.enumerated() { position[r] = i }
        matrix = copy
        self.position = position
    }

    /// `rows` (store rows, all among those copied) standardized with their own statistics:
    /// the values `StandardizedData(matrix: store, rows: rows)` holds.
    public func standardized(_ rows: [Int]) -> StandardizedData {
        guard let position else { return StandardizedData(matrix: matrix, rows: rows) }
        return StandardizedData(matrix: matrix, rows: rows.map {
            precondition(position[$0] >= 0, "TrainingRows: row \($0) was not copied")
            return position[$0]
        })
    }
}
