/// Finds infinite values in numbers read from HDF5 into Float32: cells stored as ±Inf, and
/// float64 values beyond the Float32 range (they convert to ±Inf). Both are errors, as in a
/// text table (SPEC §5); NaN stays a missing value.
enum InfiniteValueCheck {
    /// Index of the first ±Inf in `values`, or nil.
    static func firstInfinite(_ values: UnsafeBufferPointer<Float>) -> Int? {
        // A cheap vectorisable test first; the position only when there is one.
        var any = false
        for v in values { any = any || v.magnitude == .infinity }
        return any ? values.firstIndex { $0.magnitude == .infinity } : nil
    }

    /// What the cell at `place` (stored in the file as `value`) holds and what was expected:
    /// "row 3, column 7 holds inf; ..." or "... holds 1e+300, outside the Float32 range ...".
    static func message(stored value: Double, at place: String) -> String {
        if value.isInfinite {
            return "\(place) holds \(value > 0 ? "inf" : "-inf"); expected a finite number (NaN marks a missing value)"
        }
        return "\(place) holds \(value), outside the Float32 range (about ±3.4e38); expected a smaller number"
    }
}

extension HDF5Dataset {
    /// The value of element `element` (row-major over the whole dataset) as stored, read as Double.
    func storedValue(element: Int) throws -> Double {
        let row = element / max(1, rowLength)
        var values = [Double](repeating: .nan, count: max(1, rowLength))
        try values.withUnsafeMutableBufferPointer { try read(rows: row ..< row + 1, into: $0.baseAddress!) }
        return values[element - row * rowLength]
    }

    /// Throws when `values`, elements `first ..< first + values.count` of this dataset as read
    /// into Float32, hold an infinity; `place` names element i for the message ("row 3, column 7").
    func requireFinite(_ values: UnsafeBufferPointer<Float>, first: Int, place: (Int) -> String) throws {
        guard let k = InfiniteValueCheck.firstInfinite(values) else { return }
        let element = first + k
        let stored = (try? storedValue(element: element)) ?? Double(values[k])
        throw InputError(file: file.path, location: path, InfiniteValueCheck.message(stored: stored, at: place(element)))
    }
}
