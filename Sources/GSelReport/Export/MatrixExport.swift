import Foundation
import GSelIO

/// Writes a decoded matrix as TSV (samples as rows, header `sample_id` + feature ids,
/// `NA` for missing; integers without a decimal point, other values in shortest
/// round-trip Float32 form). Streams row by row; atomic for regular files, direct for
/// `-` (standard output) and devices such as /dev/null.
public enum MatrixExport {
    public static func write(_ m: LoadedMatrix, to path: String) throws {
        var st = stat()
        let isDevice = path != "-" && stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR
        if path == "-" || isDevice {
            guard let handle = path == "-" ? FileHandle.standardOutput : FileHandle(forWritingAtPath: path) else {
                throw OutputError(file: path, "cannot open for writing")
            }
            var pending = ""
            try emitRows(m) { line in
                pending += line
                if pending.utf8.count > 1 << 20 { handle.write(Data(pending.utf8)); pending = "" }
            }
            handle.write(Data(pending.utf8))
            return
        }
        try AtomicFile.write(to: path) { writer in
            try emitRows(m) { try writer.write($0) }
        }
    }

    /// Calls `emit` with the header line and then one line per sample.
    static func emitRows(_ m: LoadedMatrix, _ emit: (String) throws -> Void) throws {
        try emit("sample_id" + m.features.map { "\t" + $0.id }.joined() + "\n")
        let p = m.features.count
        let row = UnsafeMutablePointer<Float>.allocate(capacity: max(p, 1))
        defer { row.deallocate() }
        for (i, id) in m.sampleIDs.enumerated() {
            m.matrix.copyRow(i, into: row)
            var line = id
            for j in 0 ..< p { line += "\t"; line += format(row[j]) }
            line += "\n"
            try emit(line)
        }
    }

    /// The text of one value.
    public static func format(_ v: Float) -> String {
        if v.isNaN { return "NA" }
        if v == v.rounded(), abs(v) < 1e7 { return String(Int(v)) }
        return "\(v)"
    }
}
