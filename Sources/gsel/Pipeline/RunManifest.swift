import Foundation
import GSelIO

/// What a set of fit files was computed from: gsel version, input and label checksums,
/// and every selection parameter with defaults resolved. Fit files carry its
/// fingerprint; `--resume` and `aggregate` refuse fits whose manifest differs and say
/// which field differs. Paths and threads are recorded but not part of the fingerprint
/// (scattered jobs may stage files under other paths; threads never change results).
struct RunManifest: Codable, Equatable {
    var version: String
    var inputSHA256: String
    var labelsSHA256: String?
    /// SHA-256 of the `--groups` file, when groups are selected.
    var groupsSHA256: String?
    /// Canonical input options (`InputOptions.canonicalArguments`).
    var inputArguments: [String]
    /// Canonical selection options (`SelectionOptions.canonicalArguments`).
    var selectionArguments: [String]

    /// All arguments that reproduce the run.
    var arguments: [String] { inputArguments + selectionArguments }

    /// Arguments whose values are paths: compared by checksum instead.
    static let pathOptions: Set<String> = ["--input", "--labels", "--groups"]

    /// (option, value) pairs of `arguments`, flags with value "true".
    var parameters: [(String, String)] {
        var out: [(String, String)] = []
        var i = 0
        while i < arguments.count {
            let key = arguments[i]
            if i + 1 < arguments.count, !arguments[i + 1].hasPrefix("--") {
                out.append((key, arguments[i + 1])); i += 2
            } else {
                out.append((key, "true")); i += 1
            }
        }
        return out
    }

    /// The fields that define the result, in a fixed order.
    var definingFields: [(String, String)] {
        var f: [(String, String)] = [("gsel version", version), ("input SHA-256", inputSHA256),
                                      ("labels SHA-256", labelsSHA256 ?? "none")]
        if let groupsSHA256 { f.append(("groups SHA-256", groupsSHA256)) }
        f += parameters.filter { !Self.pathOptions.contains($0.0) }
        return f
    }

    var fingerprint: String {
        SHA256.hex(definingFields.map { "\($0.0)=\($0.1)" }.joined(separator: "\n"))
    }

    /// The first field that differs from `other`, described for an error message.
    func difference(from other: RunManifest) -> String? {
        let a = Dictionary(definingFields, uniquingKeysWith: { x, _ in x })
        let b = Dictionary(other.definingFields, uniquingKeysWith: { x, _ in x })
        for key in (definingFields.map(\.0) + other.definingFields.map(\.0)) where a[key] != b[key] {
            return "\(key) is \(a[key] ?? "unset") here but \(b[key] ?? "unset") there"
        }
        return nil
    }

    func encoded() throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(self), as: UTF8.self) + "\n"
    }

    static func decode(path: String) throws -> RunManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, "cannot read the run manifest")
        }
        do { return try JSONDecoder().decode(RunManifest.self, from: data) } catch {
            throw InputError(file: path, "not a gsel run manifest (\(error.localizedDescription))")
        }
    }
}

extension RunManifest {
    /// The manifest of a run over `loaded` with these options.
    init(loaded: LoadedInput, input: InputOptions, selection: SelectionOptions) {
        self.init(version: GSelVersion.number, inputSHA256: loaded.inputSHA256, labelsSHA256: loaded.labelsSHA256,
                  groupsSHA256: loaded.groupsSHA256, inputArguments: input.canonicalArguments,
                  selectionArguments: selection.canonicalArguments)
    }
}
