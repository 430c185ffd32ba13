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

    /// Reads `count` elements through `read(memoryType, buffer)` and decodes them.
    /// `space` describes the memory selection, for freeing variable-length data.
    /// Variable-length strings are first read as raw descriptors and their global heap
    /// objects checked (`HDF5GlobalHeap`), so libhdf5 never follows a damaged heap.
    /// `location` names the dataset or attribute and `first` numbers the first element in messages.
    static func decode(count: Int, memoryType: hid_t, stringType: hid_t, space: hid_t, field: String?,
                       file: HDF5File, location: String, first: Int = 0,
                       read: (hid_t, UnsafeMutableRawPointer) -> herr_t) throws -> [String] {
        let size = Int(H5Tget_size(memoryType))
        let variable = H5Tis_variable_str(stringType) > 0
        if variable, count > 0 {
            try checkHeapObjects(count: count, field: field, file: file, location: location, first: first, read: read)
        }
        let spacePadded = !variable && H5Tget_strpad(stringType) == H5T_STR_SPACEPAD
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(1, count * size), alignment: 16)
        defer { buffer.deallocate() }
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: max(1, count * size))
        guard read(memoryType, buffer) >= 0 else { throw file.failure(location, "cannot read text") }
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

    /// Reads the raw descriptors of `count` variable-length strings (through the no-op
    /// conversion registered by `HDF5Library.prepare()`) and checks their heap objects.
    private static func checkHeapObjects(count: Int, field: String?, file: HDF5File, location: String, first: Int,
                                         read: (hid_t, UnsafeMutableRawPointer) -> herr_t) throws {
        let heap = file.globalHeap
        let stride = heap.descriptorSize
        guard let raw = HDF5Handle(gsel_H5_raw_vlen_type(stride), .datatype) else {
            throw file.failure(location, "cannot build a memory type for string descriptors")
        }
        var memory = raw
        if let field {
            guard let compound = HDF5Handle(H5Tcreate(H5T_COMPOUND, stride), .datatype),
                  H5Tinsert(compound.id, field, 0, raw.id) >= 0 else {
                throw file.failure(location, "cannot build a memory type for string descriptors")
            }
            memory = compound
        }
        let descriptors = UnsafeMutableRawPointer.allocate(byteCount: count * stride, alignment: 16)
        defer { descriptors.deallocate() }
        descriptors.initializeMemory(as: UInt8.self, repeating: 0, count: count * stride)
        let status = withExtendedLifetime((raw, memory)) { read(memory.id, descriptors) }
        guard status >= 0 else { throw file.failure(location, "cannot read the string descriptors") }
        try heap.check(descriptors: descriptors, count: count, stride: stride, first: first, location: location)
    }
}
