/// Genotype dosages of some samples stored sample-major (one contiguous run of features per
/// sample): the per-fit copy a minibatch trainer reads row by row. `DosageMatrix` is
/// feature-major because VCF arrives variant by variant; reading a minibatch from it
/// gathers one byte per variant and sample, which dominated Sequential Attention fits on
/// genotypes. Values and missing codes are those of `DosageMatrix`.
public struct SampleMajorDosages: FeatureMatrix {
    public let rowCount: Int
    public let columnCount: Int
    /// Sample-major codes, `codes[row * columnCount + feature]`.
    public let codes: [UInt8]

    public init(rowCount: Int, columnCount: Int, codes: [UInt8]) {
        precondition(codes.count == rowCount * columnCount, "SampleMajorDosages: code count does not match shape")
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.codes = codes
    }

    public var storageBytes: Int { codes.count }
    public var preferredAxis: MatrixAxis { .samples }

    public func copyRow(_ row: Int, into out: UnsafeMutablePointer<Float>) {
        codes.withUnsafeBufferPointer { g in
            let base = row * columnCount
            for f in 0 ..< columnCount { out[f] = DosageMatrix.value(g[base + f]) }
        }
    }

    public func copyColumn(_ column: Int, rows: [Int], into out: UnsafeMutablePointer<Float>) {
        codes.withUnsafeBufferPointer { g in
            for (i, r) in rows.enumerated() { out[i] = DosageMatrix.value(g[r * columnCount + column]) }
        }
    }

    /// Decodes and centres in one branch-free pass (vectorised): a row of codes costs about
    /// what reading a Float32 copy of it would, so fits stream these codes instead of copying.
    public func copyRow(_ row: Int, centredBy mean: UnsafePointer<Float>, scaledBy scale: UnsafePointer<Float>,
                        into out: UnsafeMutablePointer<Float>) {
        codes.withUnsafeBufferPointer { g in
            let src = g.baseAddress! + row * columnCount
            for f in 0 ..< columnCount {
                let c = src[f], x = (Float(c) - mean[f]) * scale[f]
                out[f] = c == DosageMatrix.missing ? 0 : x
            }
        }
    }
}

extension DosageMatrix {
    /// The dosages of `rows`, in that order, as a sample-major store (blocked transpose).
    public func sampleMajorCopy(rows: [Int]) -> (any FeatureMatrix)? {
        let m = rows.count, p = columnCount
        var out = [UInt8](repeating: 0, count: m * p)
        out.withUnsafeMutableBufferPointer { dst in
            codes.withUnsafeBufferPointer { src in
                let block = 64
                for f0 in stride(from: 0, to: p, by: block) {
                    let f1 = min(f0 + block, p)
                    for (i, r) in rows.enumerated() {
                        let d = i * p
                        for f in f0 ..< f1 { dst[d + f] = src[f * rowCount + r] }
                    }
                }
            }
        }
        return SampleMajorDosages(rowCount: m, columnCount: p, codes: out)
    }
}
