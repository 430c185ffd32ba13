/// Genotype dosages (0, 1, 2 alt alleles) as UInt8, stored feature-major
/// (one contiguous run of samples per variant, the order VCF records arrive in; the VCF
/// reader transposes its records into `SampleMajorDosages`). `missing` (255) marks a missing
/// call in every dosage store. Never expanded to Float64; standardization happens on the fly.
public struct DosageMatrix: FeatureMatrix {
    public static let missing: UInt8 = 255
    public let rowCount: Int
    public let columnCount: Int
    /// Feature-major codes, `codes[feature * rowCount + sample]`.
    public var codes: [UInt8]

    public init(samples: Int, features: Int, codes: [UInt8]) {
        precondition(codes.count == samples * features, "DosageMatrix: code count does not match shape")
        self.rowCount = samples
        self.columnCount = features
        self.codes = codes
    }

    public var storageBytes: Int { codes.count }
    public var preferredAxis: MatrixAxis { .features }

    @inline(__always) static func value(_ c: UInt8) -> Float { c == missing ? .nan : Float(c) }

    public func copyRow(_ row: Int, into out: UnsafeMutablePointer<Float>) {
        codes.withUnsafeBufferPointer { g in
            for f in 0 ..< columnCount { out[f] = Self.value(g[f * rowCount + row]) }
        }
    }

    public func copyColumn(_ column: Int, rows: [Int], into out: UnsafeMutablePointer<Float>) {
        codes.withUnsafeBufferPointer { g in
            let base = column * rowCount
            for (i, r) in rows.enumerated() { out[i] = Self.value(g[base + r]) }
        }
    }
}
