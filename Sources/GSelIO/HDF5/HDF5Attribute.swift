import CHDF5

/// An attribute of an HDF5 group or dataset, read as text or numbers.
public final class HDF5Attribute {
    public let name: String
    /// Path of the object the attribute is attached to.
    public let ownerPath: String
    public let elementType: HDF5ElementType
    /// Number of elements (1 for a scalar attribute).
    public let count: Int
    let file: HDF5File
    let handle: HDF5Handle
    let type: HDF5Handle
    let space: HDF5Handle

    /// Opens attribute `name` on the object `location`; nil when the object has no such attribute.
    init?(on location: hid_t, name: String, file: HDF5File, ownerPath: String) throws {
        let opened = try HDF5Watchdog.guarding(file.path, ownerPath, "opening an attribute") {
            () throws -> (HDF5Handle, HDF5Handle, HDF5Handle)? in
            let exists = H5Aexists(location, name)
            guard exists >= 0 else { throw file.failure(ownerPath, "cannot look up attribute '\(name)'") }
            guard exists > 0 else { return nil }
            guard let h = HDF5Handle(H5Aopen(location, name, gsel_H5P_DEFAULT()), .attribute),
                  let t = HDF5Handle(H5Aget_type(h.id), .datatype),
                  let s = HDF5Handle(H5Aget_space(h.id), .dataspace) else {
                throw file.failure(ownerPath, "cannot open attribute '\(name)'")
            }
            return (h, t, s)
        }
        guard let opened else { return nil }
        let (h, t, s) = opened
        self.name = name
        self.ownerPath = ownerPath
        self.file = file
        handle = h
        type = t
        space = s
        elementType = HDF5ElementType(type: t.id)
        let points = H5Sget_simple_extent_npoints(s.id)
        count = max(0, Int(points))
        guard count <= Self.maxElements else {
            throw InputError(file: file.path, location: "\(ownerPath) attribute '\(name)'",
                             "declares \(count) elements, more than the \(Self.maxElements) an attribute may hold; the file is damaged")
        }
    }

    /// Most elements read from one attribute (h5ad `column-order` lists are the largest).
    static let maxElements = 1 << 24

    private var location: String { "\(ownerPath) attribute '\(name)'" }

    /// The values as text. Numbers are not converted: a numeric attribute with elements is an error.
    public func strings() throws -> [String] {
        guard case .string = elementType else {
            if count == 0 { return [] }
            throw InputError(file: file.path, location: location, "is \(elementType), expected text")
        }
        guard let memory = HDF5TextDecoder.memoryType(for: type.id, field: nil) else {
            throw file.failure(location, "cannot read attribute")
        }
        return try HDF5Watchdog.guarding(file.path, location, "reading an attribute") {
            try HDF5TextDecoder.decode(count: count, memoryType: memory.id, stringType: type.id, space: space.id,
                                       field: nil, file: file, location: location,
                                       read: { H5Aread(handle.id, $0, $1) })
        }
    }

    /// The single text value of a scalar (or one-element) text attribute.
    public func string() throws -> String {
        let values = try strings()
        guard values.count == 1 else {
            throw InputError(file: file.path, location: location, "has \(values.count) values, expected one text value")
        }
        return values[0]
    }

    /// The values as numbers (integers and floats converted by HDF5).
    public func numbers() throws -> [Double] {
        guard elementType.isNumeric else {
            throw InputError(file: file.path, location: location, "is \(elementType), expected numbers")
        }
        var values = [Double](repeating: 0, count: count)
        if count > 0 {
            let status = HDF5Watchdog.guarding(file.path, location, "reading an attribute") {
                H5Aread(handle.id, gsel_H5T_NATIVE_DOUBLE(), &values)
            }
            guard status >= 0 else { throw file.failure(location, "cannot read attribute") }
        }
        return values
    }
}
