/// An id seen twice along one axis of a table, with both positions (line or field numbers).
struct DuplicateID {
    let id: String
    let first: Int
    let second: Int
}
