import CHDF5

/// Reads HDF5 text elements (fixed- or variable-length, ASCII or UTF-8) into Swift strings.
enum HDF5TextDecoder {
    /// The memory type for reading text stored as `stringType`, wrapped as the single member
    /// `field` of a compound when reading one field of a compound dataset.
    static func memoryType(for stringType: hid_t, field: String?) -> HDF5Handle? {
        let text: HDF5Handle?
        if H5Tis_variable_str(stringType) > 0 {
            text = HDF5Handle(H5Tcopy(gsel_H5T_C_S1()), .datatype)
            if let text {
                H5Tset_size(text.id, gsel_H5T_VARIABLE())
                H5Tset_cset(text.id, H5Tget_cset(stringType))
            }
        } else {
            text = HDF5Handle(H5Tcopy(stringType), .datatype)
        }
        guard let text, let field else { return text }
        defer { withExtendedLifetime(text) {} }
        guard let compound = HDF5Handle(H5Tcreate(H5T_COMPOUND, H5Tget_size(text.id)), .datatype),
              H5Tinsert(compound.id, field, 0, text.id) >= 0 else { return nil }
        return compound
    }

    /// Reads `count` elements through `read(buffer)` using `memoryType` and decodes them.
    /// `space` describes the memory selection, for freeing variable-length data. Nil when `read` fails.
    static func decode(count: Int, memoryType: hid_t, stringType: hid_t, space: hid_t,
                       read: (UnsafeMutableRawPointer) -> herr_t) -> [String]? {
        let size = Int(H5Tget_size(memoryType))
        let variable = H5Tis_variable_str(stringType) > 0
        let spacePadded = !variable && H5Tget_strpad(stringType) == H5T_STR_SPACEPAD
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(1, count * size), alignment: 16)
        defer { buffer.deallocate() }
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: max(1, count * size))
        guard read(buffer) >= 0 else { return nil }
        var out: [String] = []
        out.reserveCapacity(count)
        for i in 0 ..< count {
            let element = buffer + i * size
            if variable {
                if let p = element.load(as: UnsafePointer<CChar>?.self) {
                    out.append(String(cString: p))
                } else {
                    out.append("")
                }
            } else {
                let bytes = UnsafeRawBufferPointer(start: element, count: size)
                var end = bytes.firstIndex(of: 0) ?? size
                if spacePadded { while end > 0, bytes[end - 1] == 0x20 { end -= 1 } }
                out.append(String(decoding: bytes[0 ..< end], as: UTF8.self))
            }
        }
        if variable { _ = gsel_H5_reclaim(memoryType, space, buffer) }
        return out
    }
}
