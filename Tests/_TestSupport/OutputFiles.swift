import Foundation

/// Reading gsel's output files in tests.
public enum OutputFiles {
    /// Rows of a TSV (comment lines skipped) as dictionaries keyed by the header.
    public static func tsv(_ path: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }

    /// Every regular file below `dir` (relative paths), sorted.
    public static func list(_ dir: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        return e.compactMap { $0 as? String }.filter {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent($0), isDirectory: &isDir)
            return !isDir.boolValue
        }.sorted()
    }
}
