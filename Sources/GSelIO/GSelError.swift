/// An error caused by the user's input: names the file, where in it, what was
/// found and what was expected. The CLI prints `description` and exits non-zero;
/// `description` escapes control characters and bounds the length, since the
/// message quotes the input.
public struct InputError: Error, CustomStringConvertible, Equatable {
    /// The file (or HDF5 file) the problem is in; empty when not file-related.
    public var file: String
    /// Where in the file: "line 12", "line 12, column GENE7", "/obs/cell_type", "byte 1048576".
    public var location: String?
    /// What was wrong, including what was expected.
    public var message: String

    public init(file: String, location: String? = nil, _ message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        var s = file
        if let location { s += s.isEmpty ? location : ": \(location)" }
        return MessageText.bounded(s.isEmpty ? message : "\(s): \(message)")
    }
}

/// An invalid combination of options or parameters (k out of range, bad threshold ...).
public struct UsageError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    /// The message, printable and bounded like `InputError.description`.
    public var description: String { MessageText.bounded(message) }
}
