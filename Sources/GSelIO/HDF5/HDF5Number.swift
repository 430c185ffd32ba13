import CHDF5

/// A Swift number HDF5 can convert stored integers and floats into.
public protocol HDF5Number: Sendable {
    /// The HDF5 native memory type of `Self`.
    static var hdf5NativeType: hid_t { get }
    /// `Self` from an integer code (used for enumerations, which HDF5 does not convert).
    static func fromCode(_ code: Int64) -> Self
}

extension Float: HDF5Number {
    public static var hdf5NativeType: hid_t { gsel_H5T_NATIVE_FLOAT() }
    public static func fromCode(_ code: Int64) -> Float { Float(code) }
}

extension Double: HDF5Number {
    public static var hdf5NativeType: hid_t { gsel_H5T_NATIVE_DOUBLE() }
    public static func fromCode(_ code: Int64) -> Double { Double(code) }
}

extension Int32: HDF5Number {
    public static var hdf5NativeType: hid_t { gsel_H5T_NATIVE_INT32() }
    public static func fromCode(_ code: Int64) -> Int32 { Int32(clamping: code) }
}

extension Int64: HDF5Number {
    public static var hdf5NativeType: hid_t { gsel_H5T_NATIVE_INT64() }
    public static func fromCode(_ code: Int64) -> Int64 { code }
}
