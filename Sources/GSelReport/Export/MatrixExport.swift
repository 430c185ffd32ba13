import Foundation
import GSelIO

/// Writes a decoded matrix as TSV (samples as rows, header `sample_id` + feature ids,
/// `NA` for missing; integers without a decimal point, other values in shortest
/// round-trip Float32 form). Streams row by row; atomic unless writing to a device or stdout.
public enum MatrixExport {
    public static func write(_ m: LoadedMatrix, to path: String) throws {
        try StreamingTextFile.write(to: path) { out in
            out.write("sample_id")
            for f in m.features { out.write("\t"); out.write(f.id) }
            out.write("\n")
            let p = m.features.count
            let row = UnsafeMutablePointer<Float>.allocate(capacity: max(p, 1))
            defer { row.deallocate() }
            for (i, id) in m.sampleIDs.enumerated() {
                m.matrix.copyRow(i, into: row)
                out.write(id)
                for j in 0 ..< p { out.write("\t"); out.write(format(row[j])) }
                out.write("\n")
            }
        }
    }

    /// The text of one value.
    public static func format(_ v: Float) -> String {
        if v.isNaN { return "NA" }
        if v == v.rounded(), abs(v) < 1e7 { return String(Int(v)) }
        return "\(v)"
    }
}
