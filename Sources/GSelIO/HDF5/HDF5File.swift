import CHDF5
import Foundation

/// An HDF5 file opened read-only. Groups and datasets opened from it keep it open.
/// HDF5 failures become `InputError`s naming this file and the HDF5 path.
/// Not thread-safe (the system HDF5 is the serial build): use one file per thread at a time.
public final class HDF5File {
    /// The file path as given.
    public let path: String
    /// Size of the file in bytes: what any size declared inside it is checked against.
    public let size: Int
    let handle: HDF5Handle
    /// The global heap checker for variable-length strings, made on first use.
    private(set) lazy var globalHeap = HDF5GlobalHeap(file: self)

    /// Opens `path`; a missing file, an unreadable file and a file that is not HDF5 are `InputError`s.
    public init(path: String) throws {
        HDF5Library.prepare()
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, "file not found")
        }
        if isDirectory.boolValue { throw InputError(file: path, "is a directory, expected an HDF5 file") }
        // Unknown size (unreadable attributes): no bound, and H5Fopen reports the real problem.
        size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? Int.max
        if size == 0 {
            throw InputError(file: path, "empty file, expected an HDF5 file")
        }
        let opened: HDF5Handle? = try HDF5Watchdog.guarding(path, "/", "opening the file") {
            let status = gsel_H5_is_hdf5(path)
            if status == 0 {
                throw InputError(file: path, "not an HDF5 file (no HDF5 signature; expected an .h5ad, 10x .h5, .loom or HDF5 file)")
            }
            return status > 0 ? HDF5Handle(H5Fopen(path, UInt32(gsel_H5F_ACC_RDONLY()), gsel_H5P_DEFAULT()), .file) : nil
        }
        guard let opened else {
            throw InputError(file: path, "cannot open as HDF5: \(HDF5Library.takeErrorMessage() ?? "unknown HDF5 error")")
        }
        handle = opened
    }

    /// The root group `/`.
    public func root() throws -> HDF5Group { try group("/") }

    /// `/`-prefixed form of an HDF5 path (`X` → `/X`).
    public static func normalize(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return "/" + parts.joined(separator: "/")
    }

    /// What `path` names in this file.
    public func kind(at path: String) -> HDF5ObjectKind { probe(path).kind }

    /// What `path` names, with HDF5's message when it exists but cannot be opened.
    func probe(_ path: String) -> (kind: HDF5ObjectKind, problem: String?) {
        let p = Self.normalize(path)
        if p == "/" { return (.group, nil) }
        return HDF5Watchdog.guarding(self.path, p, "looking up the object") { probeLinks(p) }
    }

    private func probeLinks(_ p: String) -> (kind: HDF5ObjectKind, problem: String?) {
        var prefix = ""
        for part in p.split(separator: "/") {
            prefix += "/" + part
            let exists = H5Lexists(handle.id, prefix, gsel_H5P_DEFAULT())
            if exists < 0 { return (.other, HDF5Library.takeErrorMessage() ?? "unreadable link \(prefix)") }
            if exists == 0 { return (.missing, nil) }
        }
        guard let object = HDF5Handle(H5Oopen(handle.id, p, gsel_H5P_DEFAULT()), .object) else {
            return (.other, HDF5Library.takeErrorMessage() ?? "cannot open object")
        }
        defer { withExtendedLifetime(object) {} }
        switch H5Iget_type(object.id) {
        case H5I_GROUP: return (.group, nil)
        case H5I_DATASET: return (.dataset, nil)
        default: return (.other, nil)
        }
    }

    /// Opens the group at `path`, or throws an error saying what is there instead.
    public func group(_ path: String) throws -> HDF5Group {
        let p = Self.normalize(path)
        let found = probe(p)
        guard found.kind == .group else { throw notFound(p, expected: "group", probed: found) }
        let opened = HDF5Watchdog.guarding(self.path, p, "opening the group") { HDF5Handle(H5Gopen2(handle.id, p, gsel_H5P_DEFAULT()), .group) }
        guard let h = opened else {
            throw failure(p, "cannot open group")
        }
        return HDF5Group(file: self, path: p, handle: h)
    }

    /// Opens the dataset at `path`, or throws an error saying what is there instead.
    public func dataset(_ path: String) throws -> HDF5Dataset {
        let p = Self.normalize(path)
        let found = probe(p)
        guard found.kind == .dataset else { throw notFound(p, expected: "dataset", probed: found) }
        return try HDF5Watchdog.guarding(self.path, p, "opening the dataset") {
            guard let h = HDF5Handle(H5Dopen2(handle.id, p, gsel_H5P_DEFAULT()), .dataset) else {
                throw failure(p, "cannot open dataset")
            }
            return try HDF5Dataset(file: self, path: p, handle: h)
        }
    }

    /// Paths and one-line descriptions of every dataset under `path` (depth-first, at most `limit`).
    public func datasetSummaries(under path: String = "/", limit: Int = 50) -> [(path: String, summary: String)] {
        var out: [(String, String)] = []
        func walk(_ p: String, depth: Int) {
            guard depth < 16, out.count < limit, let g = try? group(p), let names = try? g.memberNames() else { return }
            for name in names where out.count < limit {
                let child = p == "/" ? "/" + name : p + "/" + name
                switch kind(at: child) {
                case .dataset:
                    if let d = try? dataset(child) { out.append((child, d.summary)) }
                case .group: walk(child, depth: depth + 1)
                default: break
                }
            }
        }
        walk(Self.normalize(path), depth: 0)
        return out
    }

    /// An error for `path` that says what exists instead: "no dataset /X; the root group has: layers, obs, var".
    /// `probed` is the caller's own `probe` of `path`, so the message describes what the caller saw.
    public func notFound(_ path: String, expected: String) -> InputError { notFound(path, expected: expected, probed: nil) }

    func notFound(_ path: String, expected: String, probed: (kind: HDF5ObjectKind, problem: String?)?) -> InputError {
        let p = Self.normalize(path)
        let (found, problem) = probed ?? probe(p)
        if let problem {
            return InputError(file: self.path, location: p, "cannot be read (HDF5: \(problem)); expected \(Self.article(expected)) \(expected); the file may be damaged")
        }
        if found != .missing {
            return InputError(file: self.path, location: p, "is \(Self.describe(found)), expected \(Self.article(expected)) \(expected)")
        }
        // Deepest existing ancestor.
        var parts = p.split(separator: "/").map(String.init)
        while !parts.isEmpty {
            parts.removeLast()
            let parent = "/" + parts.joined(separator: "/")
            switch kind(at: parent) {
            case .group:
                let owner = parent == "/" ? "the root group" : parent
                let members: [String]
                do {
                    members = try group(parent).memberNames()
                } catch let error as InputError {
                    // A damaged group table: say so with libhdf5's own words, not "empty".
                    return InputError(file: self.path, location: p,
                                      "no \(expected) \(p) found: \(owner) cannot be listed (\(error.message)); the file may be damaged")
                } catch {
                    return InputError(file: self.path, location: p, "no \(expected) \(p) found: \(owner) cannot be listed (\(error))")
                }
                let missingName = p.split(separator: "/").dropFirst(parts.count).first.map(String.init) ?? ""
                if members.contains(missingName) {
                    // Listed by iteration yet not found by name: the group's index is damaged.
                    return InputError(file: self.path, location: p,
                                      "\(owner) lists '\(missingName)' but libhdf5 cannot find it by name: the group's table is damaged; expected \(Self.article(expected)) \(expected) there")
                }
                var listing = members.isEmpty ? "\(owner) is empty" : "\(owner) has: \(Self.list(members.map { $0.isEmpty ? "''" : MessageText.value($0) }))"
                if members.isEmpty && parent == "/" && size > Self.emptyFileBytes {
                    listing += " although the file has \(size) bytes, so its group table is probably damaged"
                }
                return InputError(file: self.path, location: p, "no \(expected) \(p); \(listing)")
            case .missing: continue
            default:
                return InputError(file: self.path, location: p, "no \(expected) \(p); \(parent) is \(Self.describe(kind(at: parent))), not a group")
            }
        }
        return InputError(file: self.path, location: p, "no \(expected) \(p)")
    }

    /// An error for a failed HDF5 call on `path`, with HDF5's own message.
    func failure(_ path: String, _ what: String) -> InputError {
        InputError(file: self.path, location: path, "\(what) (HDF5: \(HDF5Library.takeErrorMessage() ?? "unknown error"))")
    }

    /// Size of an HDF5 file holding nothing but an empty root group, with room to spare
    /// (h5py writes 800 bytes).
    static let emptyFileBytes = 4096

    /// What an object of `kind` is, in words: "a group", "a dataset", "neither a group nor a dataset".
    static func describe(_ kind: HDF5ObjectKind) -> String {
        switch kind {
        case .group, .dataset: return "\(article(kind.rawValue)) \(kind.rawValue)"
        case .other: return "neither a group nor a dataset (a named datatype, or a link to nothing)"
        case .missing: return "missing"
        }
    }

    /// "a" or "an" for `noun`.
    static func article(_ noun: String) -> String {
        noun.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    /// Up to 20 names, comma-separated, with a count of the rest.
    static func list(_ names: [String]) -> String { MessageText.list(names) }
}
