/// Where the values of one AnnData dataframe column live, in any layout anndata has written.
enum AnnDataColumnSource {
    /// A plain array (numbers, booleans, strings), or field `field` of a compound dataframe.
    case values(HDF5Dataset, field: String?)
    /// Integer codes (-1 = missing) into a categories array.
    case categorical(codes: HDF5Dataset, field: String?, categories: HDF5Dataset)
    /// A nullable array: values plus a boolean mask (true = missing).
    case masked(values: HDF5Dataset, mask: HDF5Dataset)

    /// The column's values as text (nil = missing), checked to have `count` entries.
    func read(count: Int, name: String) throws -> [String?] {
        let values: [String?]
        let location: String
        switch self {
        case .values(let d, let field):
            values = try HDF5ColumnDecoder.text(d, field: field)
            location = d.path
        case .categorical(let codesSet, let field, let categorySet):
            let codes = try HDF5ColumnDecoder.codes(codesSet, field: field)
            let categories = try HDF5ColumnDecoder.text(categorySet)
            location = field.map { "\(codesSet.path) field '\($0)'" } ?? codesSet.path
            values = try HDF5ColumnDecoder.categorical(codes: codes, categories: categories,
                                                       codesLocation: location, file: codesSet.file.path)
        case .masked(let valueSet, let maskSet):
            let raw = try HDF5ColumnDecoder.text(valueSet)
            let mask = try HDF5ColumnDecoder.codes(maskSet)
            try HDF5ColumnDecoder.requireCount(mask, raw.count, what: "value of \(valueSet.path)",
                                               location: maskSet.path, file: maskSet.file.path)
            values = zip(raw, mask).map { $1 != 0 ? nil : $0 }
            location = valueSet.path
        }
        try HDF5ColumnDecoder.requireCount(values, count, what: "row of the dataframe (column '\(name)')",
                                           location: location, file: file.path)
        return values
    }

    /// One-line description for `gsel inspect`: "categorical, 10 categories", "float32", "nullable int64".
    func describe() -> String {
        switch self {
        case .values(let d, let field):
            return ((try? d.elementType(field: field)) ?? d.elementType).description
        case .categorical(_, _, let categories):
            return "categorical, \(categories.count) categories"
        case .masked(let values, _):
            return "nullable \(values.elementType)"
        }
    }

    var file: HDF5File {
        switch self {
        case .values(let d, _): return d.file
        case .categorical(let d, _, _): return d.file
        case .masked(let d, _): return d.file
        }
    }
}
