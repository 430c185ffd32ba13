import Foundation
import GSelIO
import XCTest
import _TestSupport

/// The on-disk cache holds exactly what the in-memory stores hold, whichever axis the
/// input arrives in, and removes its file when released.
final class DiskBackedMatrixTests: XCTestCase {
    func testSampleMajorFloatsAndTransposedDosages() throws {
        let n = 37, p = 23
        let values = (0 ..< n * p).map { i in i % 11 == 0 ? Float.nan : Float(i % 17) * 0.25 - 1 }
        let dense = DenseMatrix(rows: n, columns: p, values: values)
        let rows = try DiskMatrixWriter(order: .samples, element: .float32, recordLength: p, source: "test")
        for i in 0 ..< n { try values.withUnsafeBufferPointer { try rows.append(UnsafeBufferPointer(rebasing: $0[i * p ..< (i + 1) * p])) } }
        let onDisk = try rows.finish()

        let codes = (0 ..< n * p).map { i in i % 13 == 0 ? DosageMatrix.missing : UInt8(i % 3) }
        let dosage = DosageMatrix(samples: n, features: p, codes: codes)  // feature-major
        let features = try DiskMatrixWriter(order: .features, element: .dosage, recordLength: n, source: "test")
        // A tiny transpose block forces several blocks.
        for j in 0 ..< p { try codes.withUnsafeBufferPointer { try features.append(UnsafeBufferPointer(rebasing: $0[j * n ..< (j + 1) * n])) } }
        let dosageOnDisk = try features.finish(transposeBytes: 5 * n)

        for (memory, disk) in [(dense, onDisk), (dosage, dosageOnDisk)] as [(any FeatureMatrix, DiskBackedMatrix)] {
            XCTAssertEqual(disk.rowCount, n)
            XCTAssertEqual(disk.columnCount, p)
            XCTAssertEqual(disk.storageBytes, 0)
            for i in [0, 5, n - 1] {
                XCTAssertEqual(disk.row(i).map(\.bitPattern), memory.row(i).map(\.bitPattern), "row \(i)")
            }
            for j in [0, 7, p - 1] {
                XCTAssertEqual(disk.column(j).map(\.bitPattern), memory.column(j).map(\.bitPattern), "column \(j)")
            }
        }
        let path = onDisk.path
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        _ = consume onDisk
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "the cache is removed with the store")
    }
}
