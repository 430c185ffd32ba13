import Foundation
import GSelIO

/// What a set of fit files was computed from: gsel version, the checksums of the input,
/// label, group, covariate, include and cost files, and the run parameters. Fit files carry its fingerprint;
/// `--resume` and `aggregate` refuse fits whose manifest differs and say which field
/// differs. Paths, threads and the memory budget are recorded but not part of the
/// fingerprint (scattered jobs may stage files under other paths; none changes results).
public struct RunManifest: Codable, Equatable, Sendable {
    public var gselVersion: String
    public var inputSHA256: String
    public var labelsSHA256: String?
    /// SHA-256 of the group file, when groups are selected.
    public var groupsSHA256: String?
    /// SHA-256 of the covariate file, when covariates come from one.
    public var covariatesSHA256: String?
    /// SHA-256 of the include list (`--include`), when there is one.
    public var includeSHA256: String?
    /// SHA-256 of the cost table (`--costs`), when there is one.
    public var costsSHA256: String?
    public var parameters: RunParameters

    /// Spelled so that the snake_case key strategies map them to `input_sha256` and back.
    enum CodingKeys: String, CodingKey {
        case gselVersion, parameters
        case inputSHA256 = "inputSha256", labelsSHA256 = "labelsSha256", groupsSHA256 = "groupsSha256"
        case covariatesSHA256 = "covariatesSha256", includeSHA256 = "includeSha256", costsSHA256 = "costsSha256"
    }

    public init(gselVersion: String = GSelVersion.number, inputSHA256: String, labelsSHA256: String?,
                groupsSHA256: String?, covariatesSHA256: String? = nil, includeSHA256: String? = nil,
                costsSHA256: String? = nil, parameters: RunParameters) {
        self.gselVersion = gselVersion
        self.inputSHA256 = inputSHA256
        self.labelsSHA256 = labelsSHA256
        self.groupsSHA256 = groupsSHA256
        self.covariatesSHA256 = covariatesSHA256
        self.includeSHA256 = includeSHA256
        self.costsSHA256 = costsSHA256
        self.parameters = parameters
    }

    /// The manifest of a run with `parameters` over the loaded `input` (its files' checksums).
    init(of input: LoadedInput, parameters: RunParameters) {
        let files = input.sources
        self.init(inputSHA256: files.input.sha256, labelsSHA256: files.labels?.sha256, groupsSHA256: files.groups?.sha256,
                  covariatesSHA256: files.covariates?.sha256, includeSHA256: files.include?.sha256,
                  costsSHA256: files.costs?.sha256, parameters: parameters)
    }

    /// Throws an `InputError` when `files` are not the files these checksums describe: the
    /// input (or its label, group or covariate file), the include list or the cost table.
    func requireFiles(_ files: SourceFiles) throws {
        guard files.input.sha256 == inputSHA256, files.labels?.sha256 == labelsSHA256,
              files.groups?.sha256 == groupsSHA256, files.covariates?.sha256 == covariatesSHA256 else {
            throw InputError(file: files.input.path, "this file (or its label, group or covariate file) is not the file the fits were computed from: its SHA-256 differs from the run manifest")
        }
        guard files.include?.sha256 == includeSHA256 else {
            throw InputError(file: files.include?.path ?? parameters.selection.include?.file ?? "", "this include list is not the one the fits were computed from: its SHA-256 differs from the run manifest")
        }
        guard files.costs?.sha256 == costsSHA256 else {
            throw InputError(file: files.costs?.path ?? parameters.selection.costs?.file ?? "", "this cost table is not the one the fits were computed from: its SHA-256 differs from the run manifest")
        }
    }

    /// The fields that define the result, in a fixed order.
    public var definingFields: [(name: String, value: String)] {
        var f: [(String, String)] = [("gsel version", gselVersion), ("input SHA-256", inputSHA256),
                                     ("labels SHA-256", labelsSHA256 ?? "none")]
        if let groupsSHA256 { f.append(("groups SHA-256", groupsSHA256)) }
        if let covariatesSHA256 { f.append(("covariates SHA-256", covariatesSHA256)) }
        if let includeSHA256 { f.append(("include SHA-256", includeSHA256)) }
        if let costsSHA256 { f.append(("costs SHA-256", costsSHA256)) }
        return f + parameters.fields.filter { !RunParameters.nonDefiningFields.contains($0.name) }
    }

    public var fingerprint: String {
        SHA256.hex(definingFields.map { "\($0.name)=\($0.value)" }.joined(separator: "\n"))
    }

    /// The first field that differs from `other`, described for an error message.
    public func difference(from other: RunManifest) -> String? {
        let a = Dictionary(definingFields.map { ($0.name, $0.value) }, uniquingKeysWith: { x, _ in x })
        let b = Dictionary(other.definingFields.map { ($0.name, $0.value) }, uniquingKeysWith: { x, _ in x })
        for key in definingFields.map(\.name) + other.definingFields.map(\.name) where a[key] != b[key] {
            return "\(key) is \(a[key] ?? "unset") here but \(b[key] ?? "unset") there"
        }
        return nil
    }

    public func encoded() throws -> String {
        String(decoding: try RunParameters.encoder().encode(self), as: UTF8.self) + "\n"
    }

    /// Reads a manifest; an unreadable file, another format or a newer serialization is an `InputError`.
    public static func decode(path: String) throws -> RunManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, "cannot read the run manifest")
        }
        let manifest: RunManifest
        do { manifest = try RunParameters.decoder().decode(RunManifest.self, from: data) } catch {
            throw InputError(file: path, "not a run manifest of this gsel version (\(GSelVersion.number)): \(Self.describe(error))")
        }
        try manifest.requireReadableVersion(path: path)
        return manifest
    }

    /// What a decoding error says about the manifest, naming the field (as written in the file).
    static func describe(_ error: any Error) -> String {
        func field(_ path: [any CodingKey]) -> String {
            path.map { key in
                key.intValue.map { "[\($0)]" } ?? key.stringValue.reduce(into: "") { out, c in
                    if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
                }
            }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "the field \(field(context.codingPath + [key])) is missing (an earlier gsel may have written it; this one would not reproduce its fits)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "the field \(field(context.codingPath)) has the wrong type"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "the field \(field(context.codingPath)) has an invalid value"
        default:
            return error.localizedDescription
        }
    }

    /// Throws an `InputError` on `path` when a newer gsel wrote these parameters.
    func requireReadableVersion(path: String) throws {
        guard parameters.serializationVersion <= RunParameters.currentSerializationVersion else {
            throw InputError(file: path, "written by a newer gsel (parameters version \(parameters.serializationVersion), this gsel reads up to \(RunParameters.currentSerializationVersion))")
        }
    }
}
