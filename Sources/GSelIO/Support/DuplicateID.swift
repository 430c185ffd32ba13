/// An id seen twice along one axis of a table, with both positions (line or field numbers,
/// or 0-based positions in an HDF5 dataset). Sample and feature ids must be unique in every
/// format, since labels, groups and the ranking refer to them by id.
struct DuplicateID {
    let id: String
    let first: Int
    let second: Int

    /// The first id of `ids` that repeats an earlier one, with both 0-based positions.
    static func first(in ids: [String]) -> DuplicateID? {
        var seen: [String: Int] = [:]
        seen.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() {
            if let earlier = seen.updateValue(i, forKey: id) { return DuplicateID(id: id, first: earlier, second: i) }
        }
        return nil
    }

    /// Throws when `ids` (read from `location` in `file`, one per `what`) repeat an id;
    /// `hint` says how to make them unique.
    static func requireUnique(_ ids: [String], file: String, location: String, what: String, hint: String = "") throws {
        guard let d = first(in: ids) else { return }
        throw InputError(file: file, location: location,
                         "duplicate \(what) id '\(MessageText.value(d.id))' at positions \(d.first) and \(d.second) (0-based); expected unique ids\(hint)")
    }
}
