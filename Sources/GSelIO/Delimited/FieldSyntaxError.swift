/// A malformed quoted field found while splitting a line (1-based field number).
enum FieldSyntaxError: Error {
    case unterminatedQuote(field: Int)
    case textAfterQuote(field: Int)

    var field: Int {
        switch self {
        case .unterminatedQuote(let f), .textAfterQuote(let f): return f
        }
    }

    /// What was found and what was expected, for an `InputError`.
    var message: String {
        switch self {
        case .unterminatedQuote:
            return "a quoted field has no closing quote (\"); expected \"...\" on one line"
        case .textAfterQuote:
            return "text follows the closing quote of a quoted field; expected the delimiter or the end of the line"
        }
    }
}
