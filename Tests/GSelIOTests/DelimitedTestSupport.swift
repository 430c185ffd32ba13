import Foundation
import XCTest
import GSelIO
import _TestSupport

/// Shared helpers for the delimited-reader and label tests: locating the real datasets
/// and asking Python (pandas / numpy) for reference answers.
enum DelimitedTestSupport {
    /// The thrown InputError's text; fails when nothing or something else is thrown.
    static func inputError(file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) -> String {
        do {
            try body()
            XCTFail("expected an InputError", file: file, line: line)
        } catch let e as InputError {
            return e.description
        } catch {
            XCTFail("expected an InputError, got \(error)", file: file, line: line)
        }
        return ""
    }

    /// The Golub expression table in TestData.
    static var golubExpression: String { GSelProcess.testData("golub/golub.expr.tsv.gz") }

    static var golubLabels: String { GSelProcess.testData("golub/golub.labels.tsv") }

    /// Runs a Python script (with `args` as sys.argv[1...]) and returns its stdout; fails on a non-zero exit.
    static func python(_ script: String, _ args: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try GSelProcess.run(GSelProcess.python, ["-c", script] + args)
        XCTAssertEqual(r.status, 0, "python failed: \(r.stderr)", file: file, line: line)
        return r.stdout
    }

    /// Runs a shell command line; fails on a non-zero exit.
    static func shell(_ command: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try GSelProcess.run("/bin/sh", ["-c", command])
        XCTAssertEqual(r.status, 0, "shell failed: \(r.stderr)", file: file, line: line)
        return r.stdout
    }

    /// pandas' reading of a table (first column as index): ids of both axes as JSON, and the
    /// values as little-endian float32 written to `valuesPath`.
    static func pandasTable(_ path: String, valuesPath: String, sep: String = "\t") throws -> (index: [String], columns: [String]) {
        let script = """
        import sys, json, numpy as np, pandas as pd
        df = pd.read_csv(sys.argv[1], sep=sys.argv[3], index_col=0)
        df.values.astype('<f4').tofile(sys.argv[2])
        print(json.dumps([[str(i) for i in df.index], [str(c) for c in df.columns]]))
        """
        let out = try python(script, [path, valuesPath, sep])
        let ids = try JSONDecoder().decode([[String]].self, from: Data(out.utf8))
        return (ids[0], ids[1])
    }

    /// Float32 values written by numpy's `tofile`.
    static func float32File(_ path: String) throws -> [Float] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.withUnsafeBytes { raw in
            (0 ..< data.count / 4).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }

    /// Bitwise comparison that treats every NaN as equal.
    static func sameValues(_ a: [Float], _ b: [Float]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { ($0.isNaN && $1.isNaN) || $0.bitPattern == $1.bitPattern }
    }
}
