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

/// A run parameter out of range or in conflict with another: the one parameter-error type
/// of every module (GSelIO, GSelCore and GSelPipeline throw it; input-data problems are
/// `InputError`s). `parameter` names the setting in snake_case (`validation_fraction`), as
/// run.json records it; the CLI shows it as its flag (`--validation-fraction`).
public struct ParameterError: Error, CustomStringConvertible, Equatable {
    public var parameter: String
    /// What is wrong and what was expected, without the parameter name.
    public var message: String

    public init(_ parameter: String, _ message: String) {
        self.parameter = parameter
        self.message = message
    }

    /// The parameter and the message, printable and bounded like `InputError.description`.
    public var description: String { MessageText.bounded("\(parameter) \(message)") }

    /// The command-line flag of `parameter`.
    public var flag: String { "--" + parameter.replacingOccurrences(of: "_", with: "-") }

    /// The line the command line prints: the flag and the message, bounded.
    public var commandLineMessage: String { MessageText.bounded("\(flag) \(message)") }
}
