import CHDF5

/// An open HDF5 group.
public final class HDF5Group {
    public let file: HDF5File
    /// Absolute HDF5 path, e.g. `/obs`.
    public let path: String
    let handle: HDF5Handle

    init(file: HDF5File, path: String, handle: HDF5Handle) {
        self.file = file
        self.path = path
        self.handle = handle
    }

    /// Names of the group's members (links), in name order.
    public func memberNames() throws -> [String] {
        // The data budget: the names of a group with millions of members take memory too.
        try HDF5Watchdog.guarding(file.path, path, "listing the group", .data) { try readMemberNames() }
    }

    private func readMemberNames() throws -> [String] {
        var info = H5G_info_t()
        guard H5Gget_info(handle.id, &info) >= 0 else { throw file.failure(path, "cannot list group") }
        // A link takes at least a few bytes of the file: more links than bytes is damage.
        guard info.nlinks <= UInt64(max(0, file.size)) else {
            throw InputError(file: file.path, location: path,
                             "the group claims \(info.nlinks) members, more than the file (\(file.size) bytes) can hold; the file is damaged")
        }
        var names: [String] = []
        names.reserveCapacity(Int(info.nlinks))
        for i in 0 ..< info.nlinks {
            let length = H5Lget_name_by_idx(handle.id, ".", H5_INDEX_NAME, H5_ITER_INC, i, nil, 0, gsel_H5P_DEFAULT())
            guard length >= 0 else { throw file.failure(path, "cannot read member \(i) name") }
            var buffer = [CChar](repeating: 0, count: Int(length) + 1)
            H5Lget_name_by_idx(handle.id, ".", H5_INDEX_NAME, H5_ITER_INC, i, &buffer, buffer.count, gsel_H5P_DEFAULT())
            names.append(String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return names
    }

    /// Absolute path of member `name`.
    public func childPath(_ name: String) -> String { path == "/" ? "/" + name : path + "/" + name }

    /// What member `name` is.
    public func kind(of name: String) -> HDF5ObjectKind { file.kind(at: childPath(name)) }

    public func group(_ name: String) throws -> HDF5Group { try file.group(childPath(name)) }
    public func dataset(_ name: String) throws -> HDF5Dataset { try file.dataset(childPath(name)) }

    /// The attribute `name` of this group, or nil when it has none.
    public func attribute(_ name: String) throws -> HDF5Attribute? {
        try HDF5Attribute(on: handle.id, name: name, file: file, ownerPath: path)
    }
}
