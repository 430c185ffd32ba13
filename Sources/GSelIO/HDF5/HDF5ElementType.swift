import CHDF5

/// The element type of an HDF5 dataset, attribute or compound member, as gsel sees it.
public enum HDF5ElementType: Equatable, Sendable, CustomStringConvertible {
    case integer(signed: Bool, bytes: Int)
    case float(bytes: Int)
    /// Fixed-length (`bytes` per element) or variable-length text.
    case string(variableLength: Bool, bytes: Int)
    /// An enumeration (h5py stores booleans as the enum FALSE = 0, TRUE = 1).
    case enumeration(names: [String], values: [Int64])
    case compound(fields: [String])
    /// Any other class (opaque, reference, array, ...), by HDF5 class name.
    case other(String)

    /// Reads the description of the datatype `type`.
    init(type: hid_t) {
        let size = Int(H5Tget_size(type))
        switch H5Tget_class(type) {
        case H5T_INTEGER:
            self = .integer(signed: H5Tget_sign(type) != H5T_SGN_NONE, bytes: size)
        case H5T_FLOAT:
            self = .float(bytes: size)
        case H5T_STRING:
            self = .string(variableLength: H5Tis_variable_str(type) > 0, bytes: size)
        case H5T_ENUM:
            let n = max(0, Int(H5Tget_nmembers(type)))
            var names: [String] = [], values: [Int64] = []
            let native = H5Tget_native_type(type, H5T_DIR_DEFAULT)
            defer { if native >= 0 { H5Tclose(native) } }
            let signed = H5Tget_sign(type) != H5T_SGN_NONE
            for i in 0 ..< n {
                names.append(Self.memberName(type, i))
                var raw = [UInt8](repeating: 0, count: 8)
                H5Tget_member_value(type, UInt32(i), &raw)
                values.append(Self.integer(from: raw, bytes: size, signed: signed))
            }
            self = .enumeration(names: names, values: values)
        case H5T_COMPOUND:
            let n = max(0, Int(H5Tget_nmembers(type)))
            self = .compound(fields: (0 ..< n).map { Self.memberName(type, $0) })
        case H5T_BITFIELD: self = .other("bitfield")
        case H5T_OPAQUE: self = .other("opaque")
        case H5T_REFERENCE: self = .other("reference")
        case H5T_ARRAY: self = .other("array")
        case H5T_VLEN: self = .other("variable-length sequence")
        case H5T_TIME: self = .other("time")
        default: self = .other("unknown")
        }
    }

    /// Integers and floats (what HDF5 converts to Float/Int64 itself).
    public var isNumeric: Bool {
        switch self {
        case .integer, .float: return true
        default: return false
        }
    }

    /// The enum h5py and pandas use for booleans.
    public var isBoolean: Bool {
        if case .enumeration(let names, let values) = self {
            return Set(values) == [0, 1] && Set(names.map { $0.uppercased() }) == ["FALSE", "TRUE"]
        }
        return false
    }

    public var description: String {
        switch self {
        case .integer(let signed, let bytes): return "\(signed ? "int" : "uint")\(bytes * 8)"
        case .float(let bytes): return "float\(bytes * 8)"
        case .string(let variable, let bytes): return variable ? "string" : "string(\(bytes))"
        case .enumeration: return isBoolean ? "bool" : "enum"
        case .compound(let fields): return "compound{\(fields.joined(separator: ", "))}"
        case .other(let name): return name
        }
    }

    static func memberName(_ type: hid_t, _ index: Int) -> String {
        guard let p = H5Tget_member_name(type, UInt32(index)) else { return "" }
        defer { H5free_memory(p) }
        return String(cString: p)
    }

    /// Decodes a little- or big-endian-native integer of `bytes` bytes at the start of `raw`.
    static func integer(from raw: UnsafeRawPointer, bytes: Int, signed: Bool) -> Int64 {
        switch (bytes, signed) {
        case (1, true): return Int64(raw.loadUnaligned(as: Int8.self))
        case (1, false): return Int64(raw.loadUnaligned(as: UInt8.self))
        case (2, true): return Int64(raw.loadUnaligned(as: Int16.self))
        case (2, false): return Int64(raw.loadUnaligned(as: UInt16.self))
        case (4, true): return Int64(raw.loadUnaligned(as: Int32.self))
        case (4, false): return Int64(raw.loadUnaligned(as: UInt32.self))
        case (8, false): return Int64(truncatingIfNeeded: raw.loadUnaligned(as: UInt64.self))
        default: return raw.loadUnaligned(as: Int64.self)
        }
    }

    static func integer(from raw: [UInt8], bytes: Int, signed: Bool) -> Int64 {
        raw.withUnsafeBytes { integer(from: $0.baseAddress!, bytes: bytes, signed: signed) }
    }
}
