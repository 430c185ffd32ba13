#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Genotype dosages stored sample-major (one contiguous run of features per sample): the
/// VCF reader's in-memory store (its records transposed once, `init(transposing:samples:
/// features:)`) and the copies made of part of a store. Minibatch trainers and the passes of
/// a fit read it row by row, as they read the on-disk cache; reading a minibatch from the
/// feature-major `DosageMatrix` gathers one byte per variant and sample. Values and missing
/// codes are those of `DosageMatrix`.
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

extension SampleMajorDosages {
    /// Features per step of `init(transposing:samples:features:)`: the source pages of each
    /// step (this many variants of all samples, 4 MiB for 512 samples) are returned as soon as
    /// they are copied.
    static let releaseStep = 8192

    /// The sample-major form of feature-major codes (`codes[feature * samples + sample]`, as
    /// VCF records arrive), transposed in blocks of 64 features; `codes` is left empty.
    /// The pages of `codes` already copied are given back to the system step by step, so
    /// the transpose holds one store plus one step, never the two stores.
    public init(transposing codes: inout [UInt8], samples n: Int, features p: Int) {
        precondition(codes.count == n * p, "SampleMajorDosages: code count does not match shape")
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let out = codes.withUnsafeMutableBufferPointer { src in
            [UInt8](unsafeUninitializedCapacity: n * p) { dst, count in
                count = n * p
                guard let from = src.baseAddress, let to = dst.baseAddress else { return }
                let start = Int(bitPattern: from)
                var released = (start + page - 1) / page * page  // the first whole page
                for f0 in stride(from: 0, to: p, by: Self.releaseStep) {
                    let f1 = min(f0 + Self.releaseStep, p)
                    Self.transpose(from, rows: n, into: to, width: p, features: f0 ..< f1, rowList: nil)
                    // The whole pages of the features copied so far.
                    let end = (start + f1 * n) / page * page
                    if end > released {
                        _ = madvise(UnsafeMutableRawPointer(bitPattern: released), end - released, MADV_DONTNEED)
                        released = end
                    }
                }
            }
        }
        codes = []
        self.init(rowCount: n, columnCount: p, codes: out)
    }

    /// Writes `features` of feature-major `src` (`rows` values per feature) for `rowList`
    /// (all rows when nil), in that order, into the sample-major `dst` of `width` columns:
    /// blocks of 64 features keep both sides in cache.
    fileprivate static func transpose(_ src: UnsafePointer<UInt8>, rows: Int, into dst: UnsafeMutablePointer<UInt8>,
                                      width: Int, features: Range<Int>, rowList: [Int]?) {
        let block = 64
        let count = rowList?.count ?? rows
        for f0 in stride(from: features.lowerBound, to: features.upperBound, by: block) {
            let f1 = min(f0 + block, features.upperBound)
            for i in 0 ..< count {
                let r = rowList?[i] ?? i, d = i * width
                for f in f0 ..< f1 { dst[d + f] = src[f * rows + r] }
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
                guard let from = src.baseAddress, let to = dst.baseAddress else { return }
                SampleMajorDosages.transpose(from, rows: rowCount, into: to, width: p, features: 0 ..< p, rowList: rows)
            }
        }
        return SampleMajorDosages(rowCount: m, columnCount: p, codes: out)
    }
}
