import GSelIO
import XCTest
import _TestSupport

/// The parallel BGZF inflater returns exactly the bytes gzip decompresses, whatever the
/// thread count, batch size and read size.
final class VCFBGZFTests: XCTestCase {
    private func readAll(_ reader: BGZFReader, chunk: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { buffer.deallocate() }
        while true {
            let n = try reader.read(into: buffer, capacity: chunk)
            if n == 0 { return out }
            out.append(contentsOf: UnsafeBufferPointer(start: buffer, count: n))
        }
    }

    func testInflatedBytesEqualGzipForAnyThreadsAndBatchSize() throws {
        let dir = try TemporaryDirectory()
        let source = GSelProcess.testData("hs1940/hs1940_mouse.vcf.gz")
        let path = dir.path("head.vcf.gz")
        let made = try GSelProcess.run("/bin/sh", ["-c", "gzip -dc '\(source)' | head -n 1500 | bgzip -c > '\(path)'"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let expected = Array(try GSelProcess.run("/bin/sh", ["-c", "gzip -dc '\(path)'"]).stdout.utf8)
        XCTAssertGreaterThan(expected.count, 10 * 65536, "spans many blocks")
        for (threads, batch, chunk) in [(1, 1, 1 << 20), (3, 1, 4093), (2, 7, 1 << 16), (4, 128, 1 << 20)] {
            let reader = try BGZFReader(path: path, threads: threads, blocksPerBatch: batch)
            let bytes = try readAll(reader, chunk: chunk)
            XCTAssertEqual(bytes.count, expected.count, "threads \(threads), batch \(batch)")
            XCTAssertTrue(bytes == expected, "threads \(threads), batch \(batch)")
            XCTAssertTrue(reader.hasEOFMarker)
        }
    }

    func testConcatenatedBGZFFilesAndEmptyBlocksAreOneStream() throws {
        let dir = try TemporaryDirectory()
        let a = try dir.write("a.txt", String(repeating: "first part\n", count: 9000))
        let b = try dir.write("b.txt", String(repeating: "second\n", count: 20000))
        let path = dir.path("ab.gz")
        XCTAssertEqual(try GSelProcess.run("/bin/sh", ["-c", "(bgzip -c '\(a)'; bgzip -c '\(b)') > '\(path)'"]).status, 0)
        let expected = Array(try GSelProcess.run("/bin/sh", ["-c", "gzip -dc '\(path)'"]).stdout.utf8)
        let bytes = try readAll(try BGZFReader(path: path, threads: 2, blocksPerBatch: 2), chunk: 1 << 20)
        XCTAssertTrue(bytes == expected)
    }

    func testPlainGzipIsNotBGZF() throws {
        let dir = try TemporaryDirectory()
        let text = try dir.write("t.txt", "hello\n")
        XCTAssertEqual(try GSelProcess.run("/bin/sh", ["-c", "gzip -c '\(text)' > '\(text).gz'"]).status, 0)
        XCTAssertFalse(BGZFReader.isBGZF(path: text + ".gz"))
        XCTAssertFalse(BGZFReader.isBGZF(path: text))
        XCTAssertThrowsError(try BGZFReader(path: dir.path("absent.gz"))) { XCTAssertTrue($0 is InputError) }
    }
}
