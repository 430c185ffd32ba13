import GSelIO

/// The wide-data screen a run asks for (`--screen`): `auto` (a screen only when p is much
/// larger than max(5000, 50·k)), `off`, or a number of features to screen to. Stored in
/// `SequentialAttentionConfig.screenSize` (nil, 0, M), which the fit manifest records;
/// `SelectionParameters.screen` reads and writes it as this type, and
/// `SelectionParameters.validate` refuses a stored size below 0.
public enum ScreenSetting: Sendable, Equatable, CustomStringConvertible {
    case auto
    case off
    case features(Int)

    /// Parses `auto`, `off` or a whole number of features from 1; anything else is a
    /// `ParameterError` naming `screen`.
    public init(parsing text: String) throws {
        switch text {
        case "auto": self = .auto
        case "off": self = .off
        default:
            guard let n = Int(text), n >= 1 else { throw Self.invalid("'\(MessageText.value(text))'") }
            self = .features(n)
        }
    }

    /// The setting `SequentialAttentionConfig.screenSize` stores.
    public init(screenSize: Int?) {
        switch screenSize {
        case nil: self = .auto
        case 0?: self = .off
        case let n?: self = .features(n)
        }
    }

    /// As `SequentialAttentionConfig.screenSize` stores it: nil, 0 or the number of features.
    public var screenSize: Int? {
        switch self {
        case .auto: return nil
        case .off: return 0
        case .features(let n): return n
        }
    }

    /// As `--screen` takes it.
    public var description: String {
        switch self {
        case .auto: return "auto"
        case .off: return "off"
        case .features(let n): return String(n)
        }
    }

    /// Throws when a stored setting is a number of features below 1.
    func validate() throws {
        if case .features(let n) = self, n < 1 { throw Self.invalid(String(n)) }
    }

    private static func invalid(_ got: String) -> ParameterError {
        ParameterError("screen", "expected auto, off or a number of features; got \(got)")
    }
}
