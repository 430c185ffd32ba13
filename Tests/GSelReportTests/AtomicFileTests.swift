import Foundation
import GSelReport
import Testing
import _TestSupport

@Suite struct AtomicFileTests {
    private func listing(_ dir: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
    }

    @Test func writesTheContentAndLeavesNoTemporaryFile() throws {
        let dir = try TemporaryDirectory("gsel-atomic")
        let path = dir.path("ranking.tsv")
        try AtomicFile.write("a\tb\n1\t2\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\tb\n1\t2\n")
        #expect(try listing(dir) == ["ranking.tsv"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o600 } == 0o600)
    }

    @Test func replacesAnExistingFile() throws {
        let dir = try TemporaryDirectory("gsel-atomic")
        let path = dir.path("run.json")
        try "old content that is longer than the new one".write(toFile: path, atomically: false, encoding: .utf8)
        try AtomicFile.write(Data("{}\n".utf8), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("{}\n".utf8))
        #expect(try listing(dir) == ["run.json"])
    }

    @Test func aFailedStreamLeavesTheOldFileAndNoTemporary() throws {
        let dir = try TemporaryDirectory("gsel-atomic")
        let path = dir.path("evaluation.tsv")
        try "previous\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: TestFailure.self) {
            try AtomicFile.write(to: path) { writer in
                try writer.write(String(repeating: "x", count: 200_000))
                throw TestFailure("interrupted")
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous\n")
        #expect(try listing(dir) == ["evaluation.tsv"])
    }

    @Test func aReleasedUncommittedWriterRemovesItsTemporary() throws {
        let dir = try TemporaryDirectory("gsel-atomic")
        do {
            let writer = try AtomicFileWriter(path: dir.path("x.tsv"))
            try writer.write("partial")
            #expect(FileManager.default.fileExists(atPath: writer.temporaryPath))
        }
        #expect(try listing(dir).isEmpty)
    }

    @Test func largeStreamedOutputArrivesByteForByte() throws {
        let dir = try TemporaryDirectory("gsel-atomic")
        let path = dir.path("matrix.tsv")
        var expected = [UInt8]()
        try AtomicFile.write(to: path) { writer in
            for i in 0 ..< 50_000 {
                let line = "sample_\(i)\t\(Double(i) * 0.125)\n"
                expected += Array(line.utf8)
                try writer.write(line)
            }
        }
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == expected)
        #expect(try listing(dir) == ["matrix.tsv"])
    }

    @Test func anUnwritableDestinationNamesTheFile() throws {
        let dir = try TemporaryDirectory("gsel-atomic")
        let path = dir.path("missing-dir/report.html")
        do {
            try AtomicFile.write("x", to: path)
            Issue.record("expected an error")
        } catch let error as OutputError {
            #expect(error.file == path)
            #expect(error.description.contains(path))
            #expect(error.description.contains("No such file or directory"))
        }
    }
}
