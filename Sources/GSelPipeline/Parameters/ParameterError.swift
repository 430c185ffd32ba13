/// A run parameter out of range or in conflict with another. `parameter` names the setting
/// in snake_case (`validation_fraction`); the CLI shows it as its flag (`--validation-fraction`).
public struct ParameterError: Error, CustomStringConvertible, Equatable {
    public var parameter: String
    /// What is wrong and what was expected, without the parameter name.
    public var message: String

    public init(_ parameter: String, _ message: String) {
        self.parameter = parameter
        self.message = message
    }

    public var description: String { "\(parameter) \(message)" }

    /// The command-line flag of `parameter`.
    public var flag: String { "--" + parameter.replacingOccurrences(of: "_", with: "-") }
}
