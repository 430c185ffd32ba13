/// A result file could not be written: names the file and the operating-system reason.
public struct OutputError: Error, CustomStringConvertible, Equatable {
    /// The file that was being written.
    public var file: String
    /// What failed, e.g. "cannot create a temporary file in the output directory: Permission denied".
    public var message: String

    public init(file: String, _ message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
