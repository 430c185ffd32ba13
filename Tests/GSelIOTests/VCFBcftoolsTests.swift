import GSelIO
import XCTest
import _TestSupport

/// gsel's decoding of the real hs1940 mouse VCF (1940 samples x 10300 SNPs, BGZF) checked
/// call by call against what bcftools prints.
final class VCFBcftoolsTests: XCTestCase {
    private func hs1940() throws -> String {
        GSelProcess.testData("hs1940/hs1940_mouse.vcf.gz")
    }

    private func load(_ path: String, field: String = "GT", threads: Int = 2,
                      configure: (inout ReaderOptions) -> Void = { _ in }) throws -> LoadedMatrix {
        try VCFTestLoad.load(path, field: field, threads: threads, configure: configure)
    }

    func testGenotypesEqualBcftoolsForEveryCall() throws {
        let path = try hs1940()
        let expected = try BcftoolsTable(path: path, field: "GT", map: BcftoolsTable<UInt8>.dosage(gt:))
        let loaded = try load(path)
        let dosages = try VCFTestLoad.recordCodes(loaded)
        XCTAssertEqual(loaded.sampleIDs.count, 1940)
        XCTAssertEqual(expected.keys.count, 10300)

        var kept: [Int] = []
        var monomorphic = 0
        for (r, calls) in expected.values.enumerated() {
            let called = Set(calls.filter { $0 != 255 })
            if expected.alts[r] == "." || called.count < 2 { monomorphic += 1 } else { kept.append(r) }
        }
        XCTAssertEqual(monomorphic, 1014, "the MANIFEST says 1014 SNPs are monomorphic")
        XCTAssertEqual(loaded.features.map(\.id), kept.map { expected.keys[$0] })
        XCTAssertEqual(loaded.features.map(\.name), kept.map { expected.ids[$0] })
        XCTAssertEqual(loaded.counters["vcf_records"], 10300)
        XCTAssertEqual(loaded.counters["qc_monomorphic"], monomorphic)
        XCTAssertEqual(loaded.counters["qc_monomorphic_alt_dot"], expected.alts.filter { $0 == "." }.count)
        XCTAssertEqual(loaded.counters["variants_kept"], kept.count)

        var mismatches = 0
        dosages.withUnsafeBufferPointer { codes in
            for (f, r) in kept.enumerated() {
                for s in 0 ..< 1940 where codes[f * 1940 + s] != expected.values[r][s] { mismatches += 1 }
            }
        }
        XCTAssertEqual(mismatches, 0, "calls differing from bcftools")
        let first = try XCTUnwrap(loaded.features.first?.variant)
        let parts = expected.keys[kept[0]].split(separator: ":").map(String.init)
        XCTAssertEqual(first, VariantPosition(chrom: parts[0], pos: Int(parts[1])!, ref: parts[2], alt: parts[3]))
    }

    func testDosageFieldEqualsBcftools() throws {
        let path = try hs1940()
        let expected = try BcftoolsTable(path: path, field: "DS", map: BcftoolsTable<Float>.dosage(ds:))
        let loaded = try load(path, field: "DS")
        let matrix = try XCTUnwrap(loaded.matrix as? DenseMatrix)
        let kept = expected.values.indices.filter { r in
            expected.alts[r] != "." && Set(expected.values[r].filter { !$0.isNaN }).count > 1
        }
        XCTAssertEqual(loaded.features.map(\.id), kept.map { expected.keys[$0] })
        var mismatches = 0
        for (f, r) in kept.enumerated() {
            for s in 0 ..< loaded.sampleIDs.count where matrix[s, f] != expected.values[r][s] { mismatches += 1 }
        }
        XCTAssertEqual(mismatches, 0, "DS values differing from bcftools")
        XCTAssertTrue(expected.values.joined().contains { $0 != $0.rounded() }, "hs1940 DS has fractional dosages")
    }

    func testMinorAlleleFrequencyFilterMatchesBcftools() throws {
        let path = try hs1940()
        let threshold = 0.123
        let passing = try BcftoolsTable(path: path, field: "GT", arguments: ["-i", "ALT!=\".\" && MAF>=\(threshold)"],
                                        map: BcftoolsTable<UInt8>.dosage(gt:))
        let loaded = try load(path) { $0.decoding.maf = threshold }
        XCTAssertEqual(loaded.features.map(\.id), passing.keys)
        let all = try load(path)
        XCTAssertEqual(loaded.counters["qc_maf"], all.features.count - passing.keys.count)
        XCTAssertEqual(loaded.counters["variants_kept"], passing.keys.count)
    }

    func testThreadCountDoesNotChangeTheResult() throws {
        let path = try hs1940()
        let one = try load(path, threads: 1)
        let four = try load(path, threads: 4)
        XCTAssertEqual(try XCTUnwrap(one.matrix as? SampleMajorDosages).codes, try XCTUnwrap(four.matrix as? SampleMajorDosages).codes)
        XCTAssertEqual(one.features, four.features)
        XCTAssertEqual(one.counters, four.counters)
    }
}
