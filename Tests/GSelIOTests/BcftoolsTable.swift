import Foundation
import XCTest
import _TestSupport

/// What `bcftools query` prints for a VCF: per record `CHROM:POS:REF:ALT`, ID, ALT and one
/// FORMAT field of every sample, mapped to values by a test-side function (memoized per token).
struct BcftoolsTable<Value> {
    var keys: [String] = []
    var ids: [String] = []
    var alts: [String] = []
    /// `values[record][sample]`.
    var values: [[Value]] = []

    /// Runs `bcftools query` on `path` for `field` (e.g. "GT", "DS"), with extra arguments such as `-i EXPR`.
    init(path: String, field: String, arguments: [String] = [], map: (String) -> Value) throws {
        let format = "%CHROM:%POS:%REF:%ALT\t%ID\t%ALT[\t%\(field)]\n"
        let result = try GSelProcess.run("bcftools", ["query"] + arguments + ["-f", format, path])
        guard result.status == 0 else {
            throw NSError(domain: "bcftools", code: Int(result.status),
                          userInfo: [NSLocalizedDescriptionKey: "bcftools query failed: \(result.stderr)"])
        }
        // Tokens repeat heavily ("0/1", "1"): memoize the mapping by the token's bytes.
        var memo: [UInt64: Value] = [:]
        var stdout = result.stdout
        stdout.withUTF8 { text in
            var row: [Value] = []
            var column = 0
            var start = 0
            for i in 0 ..< text.count where text[i] == 0x09 || text[i] == 0x0a {
                let token = UnsafeBufferPointer(rebasing: text[start ..< i])
                switch column {
                case 0: keys.append(String(decoding: token, as: UTF8.self))
                case 1: ids.append(String(decoding: token, as: UTF8.self))
                case 2: alts.append(String(decoding: token, as: UTF8.self))
                default:
                    if token.count < 8 {
                        let key = token.reduce(UInt64(token.count)) { $0 << 8 | UInt64($1) }
                        if let known = memo[key] {
                            row.append(known)
                        } else {
                            let value = map(String(decoding: token, as: UTF8.self))
                            memo[key] = value
                            row.append(value)
                        }
                    } else {
                        row.append(map(String(decoding: token, as: UTF8.self)))
                    }
                }
                column += 1
                start = i + 1
                if text[i] == 0x0a {
                    values.append(row)
                    row.removeAll(keepingCapacity: true)
                    column = 0
                }
            }
        }
    }

    /// Dosage of a GT string as bcftools prints it: the number of alleles other than `0`;
    /// 255 (missing) when any allele is `.` or the genotype is empty.
    static func dosage(gt: String) -> UInt8 {
        let alleles = gt.split(whereSeparator: { $0 == "/" || $0 == "|" })
        if alleles.isEmpty || alleles.contains(".") { return 255 }
        return UInt8(alleles.filter { $0 != "0" }.count)
    }

    /// A DS value as bcftools prints it; NaN for `.`.
    static func dosage(ds: String) -> Float {
        ds == "." ? .nan : Float(ds)!
    }
}
