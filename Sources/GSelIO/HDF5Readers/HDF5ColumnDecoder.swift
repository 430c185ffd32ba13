/// Decodes one-dimensional HDF5 columns (datasets or fields of a compound dataset) into
/// per-sample annotation text, the way pandas prints the values.
enum HDF5ColumnDecoder {
    /// Text of each element: strings as stored; integers in decimal; floats in their shortest
    /// round-trip form at the stored precision (NaN = missing); booleans "True"/"False";
    /// other enumerations by member name.
    static func text(_ dataset: HDF5Dataset, field: String? = nil) throws -> [String?] {
        if field == nil { try dataset.requireRank(1, "a one-dimensional column") }
        try dataset.requireDecodable()
        let type = try dataset.elementType(field: field)
        switch type {
        case .string:
            return try dataset.readStrings(field: field)
        case .integer:
            return try dataset.readAll(Int64.self, field: field).map { String($0) }
        case .float(let bytes) where bytes <= 4:
            return try dataset.readAll(Float.self, field: field).map { $0.isNaN ? nil : $0.description }
        case .float:
            return try dataset.readAll(Double.self, field: field).map { $0.isNaN ? nil : $0.description }
        case .enumeration(let names, let values):
            let codes = try dataset.readAll(Int64.self, field: field)
            if type.isBoolean { return codes.map { $0 != 0 ? "True" : "False" } }
            let byValue = Dictionary(zip(values, names), uniquingKeysWith: { a, _ in a })
            return codes.map { byValue[$0] }
        case .compound, .other:
            throw InputError(file: dataset.file.path, location: field.map { "\(dataset.path) field '\($0)'" } ?? dataset.path,
                             "holds \(type), expected text or numbers")
        }
    }

    /// Integer codes (categorical codes, masks) of a column.
    static func codes(_ dataset: HDF5Dataset, field: String? = nil) throws -> [Int64] {
        if field == nil { try dataset.requireRank(1, "a one-dimensional column") }
        try dataset.requireDecodable()
        let type = try dataset.elementType(field: field)
        switch type {
        case .integer, .enumeration: return try dataset.readAll(Int64.self, field: field)
        default:
            throw InputError(file: dataset.file.path, location: field.map { "\(dataset.path) field '\($0)'" } ?? dataset.path,
                             "holds \(type), expected integer codes")
        }
    }

    /// Maps categorical `codes` to `categories`; -1 (pandas' missing code) becomes nil.
    static func categorical(codes: [Int64], categories: [String?], codesLocation: String, file: String) throws -> [String?] {
        var out = [String?]()
        out.reserveCapacity(codes.count)
        for (i, code) in codes.enumerated() {
            if code == -1 { out.append(nil); continue }
            guard code >= 0, code < categories.count else {
                throw InputError(file: file, location: codesLocation,
                                 "code \(code) at position \(i) is outside the \(categories.count) categories (expected -1 for missing or 0..<\(categories.count))")
            }
            out.append(categories[Int(code)])
        }
        return out
    }

    /// Throws unless `values` has `expected` entries.
    static func requireCount<T>(_ values: [T], _ expected: Int, what: String, location: String, file: String) throws {
        guard values.count == expected else {
            throw InputError(file: file, location: location, "has \(values.count) entries, expected \(expected) (one per \(what))")
        }
    }
}
