import Foundation
import GSelCore
import GSelIO

/// Everything that defines a run, with defaults resolved: where the data come from and how
/// features are selected. Codable and versioned (`serializationVersion`, as
/// argument-parser's `ToolInfoV0`): the CLI maps its options to it once, it is written into
/// run.json and the fit manifest, and `aggregate` and `--resume` read it back as it is.
public struct RunParameters: Codable, Sendable, Equatable {
    /// Version of this serialization; bumped when a field changes meaning.
    public static let currentSerializationVersion = 1
    public var serializationVersion = RunParameters.currentSerializationVersion
    public var input: InputParameters
    public var selection: SelectionParameters

    public init(input: InputParameters, selection: SelectionParameters) {
        self.input = input
        self.selection = selection
    }

    /// Checks every value and the combinations the run cannot carry out.
    public func validate() throws {
        try input.validate()
        try selection.validate()
        if input.groups != nil && !selection.method.supportsGroups {
            throw ParameterError("groups", "is not supported with method \(selection.method.rawValue); use sa or marginal")
        }
        if selection.include != nil && input.groups != nil {
            throw ParameterError("include", "cannot be combined with --groups: groups are picked whole; include features without groups")
        }
        if selection.include != nil, let chunking = input.chunking {
            throw ParameterError(chunking.region != nil ? "region" : "chunks", "cannot be combined with --include: the included features must be in every fit; select without chunking")
        }
        if selection.costs != nil && input.groups != nil {
            throw ParameterError("costs", "cannot be combined with --groups: costs are per feature; select features without groups")
        }
        if selection.costs != nil, let chunking = input.chunking {
            throw ParameterError(chunking.region != nil ? "region" : "chunks", "cannot be combined with --costs: a budget is spent on the whole panel, not per chunk; select without chunking")
        }
    }

    /// JSON with snake_case keys and sorted keys (stable bytes for fingerprints).
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return d
    }

    /// Every parameter as a (name, JSON value) pair, nested names joined with `.` and the
    /// `input`/`selection` level dropped (`seed`, `sequential_attention.hidden`), sorted.
    public var fields: [(name: String, value: String)] {
        guard let data = try? Self.encoder().encode(self),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        var out: [(String, String)] = []
        func walk(_ value: Any, _ name: String) {
            if let dict = value as? [String: Any] {
                for key in dict.keys.sorted() { walk(dict[key]!, name.isEmpty ? key : "\(name).\(key)") }
            } else {
                let text = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes]))
                    .map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
                out.append((name, text))
            }
        }
        for group in object.keys.sorted() {
            walk(object[group]!, ["input", "selection"].contains(group) ? "" : group)
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// Parameters that do not change the result: file paths (compared by checksum instead)
    /// and the memory budget.
    static let nonDefiningFields: Set<String> = ["path", "labels", "groups", "covariates.file", "include.file", "costs.file",
                                                  "memory_budget"]
}
