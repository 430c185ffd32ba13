import GSelIO

/// A file a run read, by the path it was read from and the SHA-256 of its bytes: run.json
/// records both, the fit manifest the checksum (paths may differ between the machines of a
/// scattered run; the bytes may not: `RunManifest.requireFiles`).
public struct SourceFile: Sendable, Equatable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }

    /// The file at `path` with the checksum of its bytes as they are now.
    public init(reading path: String) throws {
        self.init(path: path, sha256: try SHA256.hex(file: path))
    }
}

/// The files of a run: the input matrix and, when the run has them, the label, group,
/// covariate and include files.
public struct SourceFiles: Sendable, Equatable {
    public var input: SourceFile
    public var labels: SourceFile?
    public var groups: SourceFile?
    public var covariates: SourceFile?
    /// The include list (`--include`).
    public var include: SourceFile?
    /// The cost table (`--costs`).
    public var costs: SourceFile?

    public init(input: SourceFile, labels: SourceFile? = nil, groups: SourceFile? = nil, covariates: SourceFile? = nil,
                include: SourceFile? = nil, costs: SourceFile? = nil) {
        self.input = input
        self.labels = labels
        self.groups = groups
        self.covariates = covariates
        self.include = include
        self.costs = costs
    }
}
