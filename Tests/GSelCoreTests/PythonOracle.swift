import Foundation
import _TestSupport

/// Runs a Python script (scikit-learn, numpy) over binary files written by a test and
/// returns its JSON output: the independent reference our results are checked against.
enum PythonOracle {
    /// Runs `script` with `GSelProcess.python` in `dir` and decodes its stdout as JSON.
    static func run(_ script: String, in dir: TemporaryDirectory) throws -> Any {
        let path = try dir.write("oracle.py", script)
        let result = try GSelProcess.run(GSelProcess.python, [path], cwd: dir.url)
        guard result.status == 0 else {
            throw OracleError(message: "python failed (\(result.status)): \(result.stderr)")
        }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    struct OracleError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Writes raw little-endian Float32 values (read with `np.fromfile(path, np.float32)`).
    static func write(_ values: [Float], to path: String) throws {
        try values.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
    }

    /// Writes raw little-endian Float64 values (read with `np.fromfile(path, np.float64)`).
    static func write(_ values: [Double], to path: String) throws {
        try values.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
    }

    /// Reads raw Float32 values written by Python (`a.astype(np.float32).tofile(path)`).
    static func readFloats(_ path: String) throws -> [Float] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }
}

/// JSON helpers for oracle output.
extension Array where Element == Any {
    var doubles: [Double] { map { ($0 as? NSNumber)?.doubleValue ?? .nan } }
    var ints: [Int] { map { ($0 as! NSNumber).intValue } }
}
