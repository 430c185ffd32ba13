import CHDF5

/// An open HDF5 dataset: shape, element type, storage, and reads of whole rows (slabs along
/// the first dimension) with type conversion done by HDF5.
public final class HDF5Dataset {
    public let file: HDF5File
    /// Absolute HDF5 path, e.g. `/X/data`.
    public let path: String
    /// Dimensions; empty for a scalar dataset.
    public let shape: [Int]
    public let elementType: HDF5ElementType
    let handle: HDF5Handle
    let type: HDF5Handle

    /// Most bytes converted per read call; larger reads are split into row slabs.
    public static let maxReadBytes = 64 << 20
    /// Most text elements decoded per read call.
    static let maxTextRows = 1 << 16

    init(file: HDF5File, path: String, handle: HDF5Handle) throws {
        self.file = file
        self.path = path
        self.handle = handle
        guard let t = HDF5Handle(H5Dget_type(handle.id), .datatype),
              let space = HDF5Handle(H5Dget_space(handle.id), .dataspace) else {
            throw file.failure(path, "cannot read dataset type or shape")
        }
        defer { withExtendedLifetime(space) {} }
        type = t
        elementType = HDF5ElementType(type: t.id)
        let rank = max(0, Int(H5Sget_simple_extent_ndims(space.id)))
        var dims = [hsize_t](repeating: 0, count: max(rank, 1))
        H5Sget_simple_extent_dims(space.id, &dims, nil)
        // Dimensions come from the file: a damaged one can be any 64-bit number, so every
        // size is checked here before anything is multiplied or allocated from it.
        let declared = Array(dims.prefix(rank))
        func product(_ factors: ArraySlice<hsize_t>) throws -> Int {
            var total = 1
            for d in factors {
                let (next, overflow) = total.multipliedReportingOverflow(by: Int(clamping: d))
                guard !overflow, next <= Self.maxElements else { throw Self.tooLarge(file: file, path: path, dims: declared) }
                total = next
            }
            return total
        }
        rowLength = try product(declared.dropFirst())
        count = try product(declared[...])
        shape = declared.map { Int(clamping: $0) }
        if shape.contains(where: { $0 > Self.maxElements }) { throw Self.tooLarge(file: file, path: path, dims: declared) }
    }

    /// Most elements a dataset may declare (2^56): beyond any file, and small enough that
    /// element counts times element sizes cannot overflow.
    static let maxElements = 1 << 56

    private static func tooLarge(file: HDF5File, path: String, dims: [hsize_t]) -> InputError {
        InputError(file: file.path, location: path,
                   "declares dimensions \(dims.map(String.init).joined(separator: " x ")), more elements than any file holds; the file is damaged")
    }

    public var rank: Int { shape.count }
    /// Number of elements.
    public let count: Int
    /// Rows along the first dimension (1 for a scalar).
    public var rowCount: Int { shape.first ?? 1 }
    /// Elements per row (product of all but the first dimension).
    public let rowLength: Int

    /// Checks the elements the dataset declares against the data it stores, before anything
    /// is allocated for them: a damaged shape can claim 2^62 elements in a 10 KB file. The
    /// stored bytes must fit in the file and, decompressed at the filters' highest possible
    /// ratio, hold every declared element. Checked once per dataset.
    public func requireStoredData() throws {
        if storedDataChecked || count == 0 { return }
        // A variable-length string is stored as a descriptor (its text is in the global heap).
        let elementBytes = H5Tis_variable_str(type.id) > 0 ? file.globalHeap.descriptorSize : Int(H5Tget_size(type.id))
        let declared = count.multipliedReportingOverflow(by: max(1, elementBytes))
        let stored = HDF5Watchdog.guarding(file.path, path, "measuring the stored data", .data) {
            Int(clamping: H5Dget_storage_size(handle.id))
        }
        if stored > file.size {
            throw InputError(file: file.path, location: path,
                             "stores \(stored) bytes of data, more than the whole file (\(file.size) bytes); the file is damaged or cut")
        }
        let expansion = storage()?.maxExpansion ?? 1
        let (capacity, capacityOverflow) = stored.multipliedReportingOverflow(by: expansion)
        if declared.overflow || (!capacityOverflow && declared.partialValue > capacity) {
            let decoded = expansion > 1 ? " (at most \(capacity) bytes once decompressed)" : ""
            throw InputError(file: file.path, location: path,
                             "declares \(summary) (\(count) elements of \(elementBytes) bytes) but stores only \(stored) bytes of data\(decoded) in a file of \(file.size) bytes; expected the data in the file: it is damaged, cut, or was never written")
        }
        storedDataChecked = true
    }

    private var storedDataChecked = false

    /// "float32, 700 x 765".
    public var summary: String {
        "\(elementType), " + (shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: " x "))
    }

    /// The attribute `name` of this dataset, or nil when it has none.
    public func attribute(_ name: String) throws -> HDF5Attribute? {
        try HDF5Attribute(on: handle.id, name: name, file: file, ownerPath: path)
    }

    /// Layout, chunking and compression.
    public func storage() -> HDF5StorageInfo? {
        guard let plist = HDF5Handle(H5Dget_create_plist(handle.id), .propertyList) else { return nil }
        defer { withExtendedLifetime(plist) {} }
        return HDF5StorageInfo(creationPlist: plist.id)
    }

    /// Throws when the dataset is compressed with a filter this HDF5 library lacks.
    public func requireDecodable() throws {
        if let missing = storage()?.unavailableFilters, !missing.isEmpty {
            throw InputError(file: file.path, location: path,
                             "is compressed with \(missing.joined(separator: ", ")), which this HDF5 library cannot decode; rewrite the file with gzip compression (e.g. anndata write_h5ad(compression=\"gzip\"))")
        }
    }

    /// Throws unless the dataset has `rank` dimensions.
    public func requireRank(_ expected: Int, _ what: String) throws {
        guard rank == expected else {
            throw InputError(file: file.path, location: path,
                             "has \(rank) dimension\(rank == 1 ? "" : "s") (\(summary)), expected \(what)")
        }
    }

    /// The type of compound member `field`, or of the elements when `field` is nil.
    public func elementType(field: String?) throws -> HDF5ElementType {
        guard let field else { return elementType }
        let member = try memberType(field)
        defer { withExtendedLifetime(member) {} }
        return HDF5ElementType(type: member.id)
    }

    /// Reads rows `rows` (all elements of each) as `T` into `out`; HDF5 converts the stored type.
    /// Enumerations (booleans) are read as their integer codes.
    public func read<T: HDF5Number>(rows: Range<Int>, field: String? = nil, into out: UnsafeMutablePointer<T>) throws {
        try HDF5Watchdog.guarding(file.path, path, "reading values", .data) {
            try readUnwatched(rows: rows, field: field, into: out)
        }
    }

    private func readUnwatched<T: HDF5Number>(rows: Range<Int>, field: String?, into out: UnsafeMutablePointer<T>) throws {
        let stored = try field.map { try memberType($0) }
        let storedType = HDF5ElementType(type: stored?.id ?? type.id)
        let location = field.map { "\(path) field '\($0)'" } ?? path
        let (fileSpace, memorySpace) = try selection(rows: rows)
        // Handles below are passed to HDF5 by id: keep them alive to the end of the scope.
        defer { withExtendedLifetime((stored, fileSpace, memorySpace)) {} }
        let n = rows.count * rowLength
        if n == 0 { return }
        switch storedType {
        case .integer, .float:
            let memory = try wrapped(T.hdf5NativeType, field: field)
            defer { withExtendedLifetime(memory) {} }
            guard H5Dread(handle.id, memory?.id ?? T.hdf5NativeType, memorySpace?.id ?? gsel_H5S_ALL(),
                          fileSpace?.id ?? gsel_H5S_ALL(), gsel_H5P_DEFAULT(), out) >= 0 else {
                throw file.failure(location, "cannot read values")
            }
        case .enumeration:
            guard let native = HDF5Handle(H5Tget_native_type(stored?.id ?? type.id, H5T_DIR_DEFAULT), .datatype) else {
                throw file.failure(location, "cannot read enumeration")
            }
            let memory = try wrapped(native.id, field: field)
            defer { withExtendedLifetime((native, memory)) {} }
            let size = Int(H5Tget_size(native.id))
            let signed = H5Tget_sign(native.id) != H5T_SGN_NONE
            let raw = UnsafeMutableRawPointer.allocate(byteCount: n * size, alignment: 8)
            defer { raw.deallocate() }
            guard H5Dread(handle.id, memory?.id ?? native.id, memorySpace?.id ?? gsel_H5S_ALL(),
                          fileSpace?.id ?? gsel_H5S_ALL(), gsel_H5P_DEFAULT(), raw) >= 0 else {
                throw file.failure(location, "cannot read values")
            }
            for i in 0 ..< n {
                out[i] = T.fromCode(HDF5ElementType.integer(from: raw + i * size, bytes: size, signed: signed))
            }
        default:
            throw InputError(file: file.path, location: location, "holds \(storedType), expected numbers")
        }
    }

    /// Reads every element as `T`, in row slabs of at most `maxReadBytes`.
    public func readAll<T: HDF5Number>(_: T.Type, field: String? = nil) throws -> [T] {
        try requireStoredData()
        let total = count
        return try [T](unsafeUninitializedCapacity: total) { buffer, initialized in
            try readSlabs(as: T.self) { rows in
                try read(rows: rows, field: field, into: buffer.baseAddress! + rows.lowerBound * rowLength)
            }
            initialized = total
        }
    }

    /// Calls `body` with consecutive row ranges covering the dataset, each at most
    /// `maxReadBytes` of `T` and, when chunked, whole chunks along the first dimension.
    public func readSlabs<T>(as _: T.Type, _ body: (Range<Int>) throws -> Void) throws {
        let rowBytes = max(1, rowLength * MemoryLayout<T>.stride)
        var step = max(1, Self.maxReadBytes / rowBytes)
        if let chunk = storage()?.chunkShape?.first, chunk > 0, step > chunk { step -= step % chunk }
        var start = 0
        while start < rowCount {
            let end = min(rowCount, start + step)
            try body(start ..< end)
            start = end
        }
    }

    /// Reads text elements of `rows` (default all) of a 1-D dataset, or of compound member `field`.
    public func readStrings(rows: Range<Int>? = nil, field: String? = nil) throws -> [String] {
        try requireStoredData()
        let rows = rows ?? 0 ..< rowCount
        let stored = try field.map { try memberType($0) }
        let stringType = stored?.id ?? type.id
        defer { withExtendedLifetime(stored) {} }
        let location = field.map { "\(path) field '\($0)'" } ?? path
        guard case .string = HDF5ElementType(type: stringType) else {
            throw InputError(file: file.path, location: location, "holds \(HDF5ElementType(type: stringType)), expected text")
        }
        guard let memory = HDF5TextDecoder.memoryType(for: stringType, field: field) else {
            throw file.failure(location, "cannot build a text memory type")
        }
        defer { withExtendedLifetime(memory) {} }
        var out: [String] = []
        out.reserveCapacity(rows.count * rowLength)
        var start = rows.lowerBound
        while start < rows.upperBound {
            let slab = start ..< min(rows.upperBound, start + Self.maxTextRows)
            let (fileSpace, memorySpace) = try selection(rows: slab)
            defer { withExtendedLifetime((fileSpace, memorySpace)) {} }
            let n = slab.count * rowLength
            let values = try HDF5Watchdog.guarding(file.path, location, "reading text", .data) {
                try HDF5TextDecoder.decode(
                count: n, memoryType: memory.id, stringType: stringType,
                space: memorySpace?.id ?? fileSpace?.id ?? gsel_H5S_ALL(), field: field,
                file: file, location: location, first: slab.lowerBound * rowLength,
                read: { H5Dread(handle.id, $0, memorySpace?.id ?? gsel_H5S_ALL(),
                                fileSpace?.id ?? gsel_H5S_ALL(), gsel_H5P_DEFAULT(), $1) })
            }
            out.append(contentsOf: values)
            start = slab.upperBound
        }
        return out
    }

    /// File and memory dataspaces selecting whole rows `rows`; nil spaces mean "everything" (scalars).
    private func selection(rows: Range<Int>) throws -> (HDF5Handle?, HDF5Handle?) {
        if shape.isEmpty { return (nil, nil) }
        guard rows.lowerBound >= 0, rows.upperBound <= rowCount else {
            throw InputError(file: file.path, location: path, "rows \(rows) are outside the \(rowCount) rows present")
        }
        guard let fileSpace = HDF5Handle(H5Dget_space(handle.id), .dataspace) else {
            throw file.failure(path, "cannot get dataspace")
        }
        var start = [hsize_t](repeating: 0, count: rank)
        var count = shape.map { hsize_t($0) }
        start[0] = hsize_t(rows.lowerBound)
        count[0] = hsize_t(rows.count)
        guard H5Sselect_hyperslab(fileSpace.id, H5S_SELECT_SET, start, nil, count, nil) >= 0,
              let memorySpace = HDF5Handle(H5Screate_simple(Int32(rank), count, nil), .dataspace) else {
            throw file.failure(path, "cannot select rows \(rows)")
        }
        return (fileSpace, memorySpace)
    }

    /// The stored type of compound member `field`.
    private func memberType(_ field: String) throws -> HDF5Handle {
        let index = H5Tget_member_index(type.id, field)
        guard case .compound(let fields) = elementType, index >= 0,
              let member = HDF5Handle(H5Tget_member_type(type.id, UInt32(index)), .datatype) else {
            _ = HDF5Library.takeErrorMessage()
            let present: String
            if case .compound(let fields) = elementType { present = "fields: " + fields.joined(separator: ", ") } else { present = "a \(elementType) dataset, not a compound" }
            throw InputError(file: file.path, location: path, "has no field '\(field)' (\(present))")
        }
        _ = fields
        return member
    }

    /// `memory` as the single member `field` of a compound memory type (nil when `field` is nil).
    private func wrapped(_ memory: hid_t, field: String?) throws -> HDF5Handle? {
        guard let field else { return nil }
        guard let compound = HDF5Handle(H5Tcreate(H5T_COMPOUND, H5Tget_size(memory)), .datatype),
              H5Tinsert(compound.id, field, 0, memory) >= 0 else {
            throw file.failure(path, "cannot build a memory type for field '\(field)'")
        }
        return compound
    }
}
