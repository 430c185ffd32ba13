import XCTest
import GSelIO

final class SampleMajorDosagesTests: XCTestCase {
    /// The VCF store's transpose gives back the pages it has copied while it runs: over
    /// several release steps (odd sizes, so steps end inside pages), the store holds every
    /// record's codes, as the feature-major copy does, and the source is left empty.
    func testTransposeHoldsEveryRecord() {
        let n = 7, p = 3 * 8192 + 517
        let records: [UInt8] = (0 ..< n * p).map { (i: Int) -> UInt8 in
            i % 11 == 0 ? DosageMatrix.missing : UInt8((7 * i + i / 13) % 3)
        }
        var source = records
        let store = SampleMajorDosages(transposing: &source, samples: n, features: p)
        XCTAssertTrue(source.isEmpty)
        XCTAssertEqual(store.rowCount, n)
        XCTAssertEqual(store.columnCount, p)
        let reference = DosageMatrix(samples: n, features: p, codes: records).sampleMajorCopy(rows: Array(0 ..< n))
        XCTAssertEqual(store.codes, (reference as? SampleMajorDosages)?.codes)
        for (f, s) in [(0, 0), (8191, 6), (8192, 3), (p - 1, 6)] {
            XCTAssertEqual(store.codes[s * p + f], records[f * n + s], "feature \(f), sample \(s)")
        }
        var empty: [UInt8] = []
        XCTAssertEqual(SampleMajorDosages(transposing: &empty, samples: 0, features: 4).storageBytes, 0)
    }
}
