import CHDF5
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks the global heap objects that variable-length strings point to before libhdf5
/// reads them. libhdf5 1.10 trusts the sizes written in a heap collection: a damaged one
/// makes it read past its buffers (SIGSEGV), overwrite memory (malloc aborts) or loop forever.
/// This parses each referenced collection the way libhdf5 does, but with every bound checked,
/// and accepts a string only when its heap object exists and has the string's length.
///
/// File layout (HDF5 file format spec, "Global Heap"): a collection is `GCOL`, version 1,
/// 3 reserved bytes, the collection size; then objects, each a 2-byte index, 2-byte
/// reference count, 4 reserved bytes, the object size and its data padded to 8 bytes.
/// Object 0 is the free space at the end. A string element in a dataset or attribute is
/// a 4-byte length, the collection address and a 4-byte object index.
final class HDF5GlobalHeap {
    /// Bytes of a file address and of a length field, from the file's superblock.
    let addressSize: Int
    let lengthSize: Int
    /// Bytes of one raw string descriptor: length, collection address, object index.
    var descriptorSize: Int { 8 + addressSize }

    private let path: String
    private let fileSize: Int
    /// File offset of HDF5 address 0 (the user block size).
    private let base: Int
    private let descriptor: Int32
    /// Each collection read so far: object sizes by index, or why it is damaged.
    private var collections: [UInt64: Result<ObjectSizes, CollectionDamage>] = [:]
    /// The collection of the previous string (consecutive strings mostly share one).
    private var last: (address: UInt64, objects: Result<ObjectSizes, CollectionDamage>)?

    /// Object sizes of one collection by object index; `absent` where there is no object.
    struct ObjectSizes {
        static let absent = UInt64.max
        var sizes: [UInt64] = []

        subscript(index: Int) -> UInt64 { index < sizes.count ? sizes[index] : Self.absent }

        mutating func set(_ index: Int, _ size: UInt64) {
            if index >= sizes.count { sizes.append(contentsOf: repeatElement(Self.absent, count: index + 1 - sizes.count)) }
            sizes[index] = size
        }
    }

    /// Why a heap collection cannot be used.
    struct CollectionDamage: Error { var reason: String }

    init(file: HDF5File) {
        path = file.path
        fileSize = file.size
        var sizeofAddress = 8, sizeofLength = 8
        var userBlock: hsize_t = 0
        if let plist = HDF5Handle(H5Fget_create_plist(file.handle.id), .propertyList) {
            H5Pget_sizes(plist.id, &sizeofAddress, &sizeofLength)
            H5Pget_userblock(plist.id, &userBlock)
        }
        addressSize = sizeofAddress
        lengthSize = sizeofLength
        base = Int(clamping: userBlock)
        descriptor = open(file.path, O_RDONLY)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    private static let alignment = 8

    private static func aligned(_ n: UInt64) -> UInt64? {
        let (sum, overflow) = n.addingReportingOverflow(UInt64(alignment - 1))
        return overflow ? nil : sum / UInt64(alignment) * UInt64(alignment)
    }

    private var headerSize: Int { 8 + lengthSize }
    private var objectHeaderSize: Int { 8 + lengthSize }

    /// Checks `count` raw descriptors laid out every `stride` bytes from `raw`, read from
    /// `location` (a dataset or attribute), element numbers starting at `first`.
    func check(descriptors raw: UnsafeRawPointer, count: Int, stride: Int, first: Int, location: String) throws {
        for i in 0 ..< count {
            let p = raw + i * stride
            let length = UInt64(Self.littleEndian(p, 4))
            let address = Self.littleEndian(p + 4, addressSize)
            let index = Self.littleEndian(p + 4 + addressSize, 4)
            if address == 0 { continue }   // a null string; libhdf5 does not look at the heap
            let problem: String?
            switch collection(at: address) {
            case .failure(let damage):
                problem = "its global heap collection at address \(address) is damaged: \(damage.reason)"
            case .success(let objects):
                let size = index == 0 || index > UInt64(UInt16.max) ? ObjectSizes.absent : objects[Int(index)]
                if size == length {
                    problem = nil
                } else if size != ObjectSizes.absent {
                    problem = "its global heap object (collection at address \(address), object \(index)) holds \(size) bytes but the string says it has \(length)"
                } else {
                    problem = "it points to object \(index) of the global heap collection at address \(address), which has no such object (expected an index 1...65535 of a stored object)"
                }
            }
            if let problem {
                throw InputError(file: path, location: location,
                                 "string \(first + i) cannot be read: \(problem); the file is damaged")
            }
        }
    }

    /// The objects of the collection at HDF5 `address`, parsed once.
    private func collection(at address: UInt64) -> Result<ObjectSizes, CollectionDamage> {
        if let last, last.address == address { return last.objects }
        let parsed = collections[address]
            ?? Result { try parseCollection(at: address) }.mapError { $0 as? CollectionDamage ?? CollectionDamage(reason: "\($0)") }
        collections[address] = parsed
        last = (address, parsed)
        return parsed
    }

    private func parseCollection(at address: UInt64) throws -> ObjectSizes {
        guard let offset = Int(exactly: address).map({ $0.addingReportingOverflow(base) }), !offset.overflow,
              offset.partialValue <= fileSize - headerSize else {
            throw CollectionDamage(reason: "the address lies beyond the end of the file (\(fileSize) bytes)")
        }
        let start = offset.partialValue
        let header = try read(at: start, count: headerSize)
        guard header.starts(with: Array("GCOL".utf8)) else {
            throw CollectionDamage(reason: "no GCOL signature there (found bytes \(header.prefix(4).map { String($0, radix: 16) }.joined(separator: " ")))")
        }
        guard header[4] == 1 else { throw CollectionDamage(reason: "version \(header[4]), expected 1") }
        let declared = header.withUnsafeBytes { Self.littleEndian($0.baseAddress! + 8, lengthSize) }
        guard declared >= UInt64(headerSize), declared <= UInt64(fileSize - start) else {
            throw CollectionDamage(reason: "it declares a size of \(declared) bytes, but \(fileSize - start) bytes remain in the file from its start")
        }
        let size = Int(declared)
        let bytes = try read(at: start, count: size)
        return try bytes.withUnsafeBytes { try objects(in: $0, size: size) }
    }

    /// Walks the objects as libhdf5's H5HG deserializer does, rejecting what would make it
    /// read past the collection (a size running over the end) or stop advancing (a size of 0).
    private func objects(in chunk: UnsafeRawBufferPointer, size: Int) throws -> ObjectSizes {
        var objects = ObjectSizes()
        var p = headerSize
        while p < size {
            if p + objectHeaderSize > size { break }   // too small for an object: free space
            let index = UInt16(Self.littleEndian(chunk.baseAddress! + p, 2))
            let objectSize = Self.littleEndian(chunk.baseAddress! + p + 8, lengthSize)
            let need: UInt64?
            if index > 0 {
                need = Self.aligned(objectSize).flatMap { padded in
                    let (sum, overflow) = padded.addingReportingOverflow(UInt64(objectHeaderSize))
                    return overflow ? nil : sum
                }
            } else {
                need = objectSize
            }
            guard let need, need > 0 else {
                throw CollectionDamage(reason: "object \(index) at byte \(p) of the collection declares a size of \(objectSize), so the objects after it cannot be found")
            }
            guard need <= UInt64(size - p) else {
                throw CollectionDamage(reason: "object \(index) at byte \(p) of the collection declares \(objectSize) bytes, which do not fit in the \(size - p) bytes left of the \(size)-byte collection")
            }
            objects.set(Int(index), objectSize)
            p += Int(need)
        }
        return objects
    }

    private func read(at offset: Int, count: Int) throws -> [UInt8] {
        guard descriptor >= 0 else { throw CollectionDamage(reason: "the file cannot be reopened to check it") }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
        guard got == count else { throw CollectionDamage(reason: "only \(max(0, got)) of its \(count) bytes could be read") }
        return bytes
    }

    /// Unsigned little-endian integer of `width` (at most 8) bytes.
    @inline(__always)
    private static func littleEndian(_ p: UnsafeRawPointer, _ width: Int) -> UInt64 {
        switch width {
        case 2: return UInt64(UInt16(littleEndian: p.loadUnaligned(as: UInt16.self)))
        case 4: return UInt64(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
        case 8: return UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
        default: break
        }
        var value: UInt64 = 0
        for k in stride(from: min(width, 8) - 1, through: 0, by: -1) {
            value = value << 8 | UInt64(p.load(fromByteOffset: k, as: UInt8.self))
        }
        return value
    }
}
