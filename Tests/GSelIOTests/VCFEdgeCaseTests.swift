import GSelIO
import XCTest
import _TestSupport

/// Hand-written VCF records covering the GT corner cases, read uncompressed, gzip, BGZF and
/// with CRLF line ends; every call is compared with what bcftools prints for it.
final class VCFEdgeCaseTests: XCTestCase {
    static let samples = ["S1", "S2", "S3", "S4", "S5", "S6"]

    /// Records with: phased / unphased, missing, half-missing, multi-allelic, ALT `.`, a > 64 KiB INFO,
    /// GT not first with AD/DP/GQ, dropped trailing fields, haploid, GT absent in a column,
    /// heavy missingness, a rare allele, all-heterozygous and all-reference sites, DS values.
    static var text: String {
        let longInfo = "LONG=" + String(repeating: "ACGT", count: 40_000)
        let header = """
        ##fileformat=VCFv4.2
        ##contig=<ID=chr1,length=1000000>
        ##contig=<ID=chr2,length=1000000>
        ##contig=<ID=chrX,length=1000000>
        ##INFO=<ID=LONG,Number=1,Type=String,Description="padding">
        ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
        ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">
        ##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">
        ##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">
        ##FORMAT=<ID=DS,Number=1,Type=Float,Description="Dosage">
        #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t\(samples.joined(separator: "\t"))
        """
        let records = [
            "chr1\t100\trs1\tA\tG\t50\tPASS\t.\tGT\t0/0\t0/1\t1/1\t./.\t0/.\t1|0",
            "chr1\t200\t.\tC\tT,G\t.\t.\t.\tGT:AD:DP\t1/2:1,2,3:6\t0/2\t2/2:0,0,5\t0|0\t./.:.:.\t1/1:0,5,0:5",
            "chr1\t300\trs3\tG\t.\t.\t.\t.\tGT\t0/0\t0/0\t0/0\t./.\t0/0\t0/0",
            "chr1\t400\trs4\tT\tA\t.\t.\t\(longInfo)\tAD:DP:GT:GQ\t1,2:3:0/1:50\t3,0:3:0/0:40\t0,3:3:1/1:30\t.:.:./.:.\t2,2:4:0|1:20\t1,1:2:1|1:10",
            "chr1\t500\trs5\tG\tC\t.\t.\t.\tGT\t0/1\t0/1\t0/1\t0/1\t./.\t0/1",
            "chr1\t800\trs8\tA\tC\t.\t.\t.\tGT\t./.\t./.\t./.\t./.\t0/1\t1/1",
            "chr1\t900\trs9\tG\tA\t.\t.\t.\tGT\t0/0\t0/0\t0/0\t0/0\t0/0\t0/1",
            "chr1\t1000\trs10\tC\tT\t.\t.\t.\tGT\t0/0\t0/0\t0/0\t0/0\t./.\t./.",
            "chr2\t100\trs11\tA\tG\t.\t.\t.\tGT:DS\t0/0:0.1\t0/1:.\t1/1:1.9\t0/1\t./.:.\t0/0:2e-1",
            "chr2\t200\trs12\tC\tA,T,G\t.\t.\t.\tGT:GQ\t3/3:9\t0|3\t1/0:7\t2/2\t.|.\t0/0:99",
            "chrX\t600\trsX1\tA\tT\t.\t.\t.\tGT\t0\t1\t.\t1\t0\t1",
            "chrX\t700\trsX2\tA\tT\t.\t.\t.\tDP:GT\t5:1\t7:1\t3:0\t4:.\t2:1\t1:0",
        ]
        return header + "\n" + records.joined(separator: "\n") + "\n"
    }

    private func load(_ path: String, field: String = "GT", threads: Int = 2,
                      configure: (inout ReaderOptions) -> Void = { _ in }) throws -> LoadedMatrix {
        try VCFTestLoad.load(path, field: field, threads: threads, configure: configure)
    }

    private func compress(_ dir: TemporaryDirectory, _ plain: String, with tool: String, to name: String) throws -> String {
        let out = dir.path(name)
        let result = try GSelProcess.run("/bin/sh", ["-c", "\(tool) -c '\(plain)' > '\(out)'"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return out
    }

    /// Asserts gsel's dosages equal the bcftools-derived ones for every call of every kept record,
    /// and that exactly the ALT `.` / no-variation records were dropped.
    private func assertMatchesBcftools(_ path: String, oracle: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try BcftoolsTable(path: oracle, field: "GT", map: BcftoolsTable<UInt8>.dosage(gt:))
        let loaded = try load(path)
        let codes = try VCFTestLoad.recordCodes(loaded)
        let kept = expected.values.indices.filter { r in
            expected.alts[r] != "." && Set(expected.values[r].filter { $0 != 255 }).count > 1
        }
        XCTAssertEqual(loaded.sampleIDs, Self.samples, file: file, line: line)
        XCTAssertEqual(loaded.features.map(\.id), kept.map { expected.keys[$0] }, file: file, line: line)
        XCTAssertEqual(loaded.features.map(\.name), kept.map { expected.ids[$0] == "." ? expected.keys[$0] : expected.ids[$0] },
                       file: file, line: line)
        for (f, r) in kept.enumerated() {
            XCTAssertEqual(Array(codes[f * 6 ..< f * 6 + 6]), expected.values[r], "record \(expected.keys[r])", file: file, line: line)
        }
        XCTAssertEqual(loaded.counters["vcf_records"], expected.keys.count, file: file, line: line)
        XCTAssertEqual(loaded.counters["qc_monomorphic"], expected.keys.count - kept.count, file: file, line: line)
    }

    func testEveryCompressionMatchesBcftools() throws {
        let dir = try TemporaryDirectory()
        let plain = try dir.write("edge.vcf", Self.text)
        let bgzf = try compress(dir, plain, with: "bgzip", to: "edge.vcf.gz")
        let gzip = try compress(dir, plain, with: "gzip", to: "edge.plain.vcf.gz")
        XCTAssertTrue(BGZFReader.isBGZF(path: bgzf))
        XCTAssertFalse(BGZFReader.isBGZF(path: gzip))
        for path in [plain, gzip, bgzf] {
            try assertMatchesBcftools(path, oracle: plain)
        }
        XCTAssertTrue(try load(bgzf).notes.contains { $0.contains("BGZF") })
        XCTAssertTrue(try load(gzip).notes.contains { $0.contains("gzip") })
    }

    func testCRLFLineEndsMatchBcftools() throws {
        let dir = try TemporaryDirectory()
        let crlf = try dir.write("crlf.vcf", Self.text.replacingOccurrences(of: "\n", with: "\r\n"))
        try assertMatchesBcftools(crlf, oracle: crlf)
        try assertMatchesBcftools(try compress(dir, crlf, with: "bgzip", to: "crlf.vcf.gz"), oracle: crlf)
    }

    func testDosageFieldMatchesBcftools() throws {
        let dir = try TemporaryDirectory()
        let plain = try dir.write("edge.vcf", Self.text)
        let expected = try BcftoolsTable(path: plain, field: "DS", map: BcftoolsTable<Float>.dosage(ds:))
        let loaded = try load(plain, field: "DS")
        let matrix = try XCTUnwrap(loaded.matrix as? DenseMatrix)
        let kept = expected.values.indices.filter { r in
            expected.alts[r] != "." && Set(expected.values[r].filter { !$0.isNaN }).count > 1
        }
        XCTAssertEqual(loaded.features.map(\.id), kept.map { expected.keys[$0] })
        for (f, r) in kept.enumerated() {
            let got = (0 ..< 6).map { matrix[$0, f] }
            XCTAssertEqual(got.map { $0.isNaN ? -1 : $0 }, expected.values[r].map { $0.isNaN ? -1 : $0 })
        }
        XCTAssertEqual(loaded.counters["vcf_records_without_ds"], expected.keys.count - 1)
    }

    func testMissingAndFrequencyFiltersCountWhatTheyRemove() throws {
        let dir = try TemporaryDirectory()
        let plain = try dir.write("edge.vcf", Self.text)
        let expected = try BcftoolsTable(path: plain, field: "GT", map: BcftoolsTable<UInt8>.dosage(gt:))
        let ploidy = try BcftoolsTable(path: plain, field: "GT", map: { gt in
            gt.split(whereSeparator: { $0 == "/" || $0 == "|" }).count
        })
        let (maxMissing, minMAF) = (0.4, 0.1)
        var survivors: [String] = [], dropped = (missing: 0, maf: 0)
        for r in expected.keys.indices {
            let calls = expected.values[r]
            let called = calls.indices.filter { calls[$0] != 255 }
            guard expected.alts[r] != ".", Set(called.map { calls[$0] }).count > 1 else { continue }
            if Double(calls.count - called.count) / Double(calls.count) > maxMissing { dropped.missing += 1; continue }
            let alt = called.reduce(0) { $0 + Int(calls[$1]) }
            let alleles = called.reduce(0) { $0 + ploidy.values[r][$1] }
            let p = Double(alt) / Double(alleles)
            if min(p, 1 - p) < minMAF { dropped.maf += 1; continue }
            survivors.append(expected.keys[r])
        }
        XCTAssertGreaterThan(dropped.missing, 0)
        XCTAssertGreaterThan(dropped.maf, 0)
        let loaded = try load(plain) {
            $0.decoding.maxMissing = maxMissing
            $0.decoding.maf = minMAF
        }
        XCTAssertEqual(loaded.features.map(\.id), survivors)
        XCTAssertEqual(loaded.counters["qc_missing"], dropped.missing)
        XCTAssertEqual(loaded.counters["qc_maf"], dropped.maf)
        XCTAssertEqual(loaded.counters["variants_kept"], survivors.count)
        XCTAssertTrue(loaded.notes.contains { $0.contains("\(dropped.missing) with missing fraction > 0.4") })
    }

    /// A sample column that stops before GT (FORMAT `DP:GT`, column `7`) is a missing call (VCF 4.2,
    /// section 1.6.2: trailing fields may be dropped). bcftools 1.16 prints a garbage GT for such
    /// a column (`-65`), so that one call is checked against the spec and the others against bcftools.
    func testColumnEndingBeforeGTIsMissing() throws {
        let dir = try TemporaryDirectory()
        let lines = Self.text.split(separator: "\n").map(String.init)
        let dropped = lines.filter { $0.hasPrefix("#") || $0.hasPrefix("chr1\t100\t") }
            + ["chr1\t150\trsD\tA\tT\t.\t.\t.\tDP:GT\t5:0/1\t7\t3:0/0\t4:.\t2:1/1\t1:0/0"]
        let plain = try dir.write("dropped.vcf", dropped.joined(separator: "\n") + "\n")
        let expected = try BcftoolsTable(path: plain, field: "GT", map: BcftoolsTable<UInt8>.dosage(gt:))
        let loaded = try load(plain)
        let codes = try VCFTestLoad.recordCodes(loaded)
        XCTAssertEqual(loaded.features.map(\.id), ["chr1:100:A:G", "chr1:150:A:T"])
        XCTAssertEqual(codes[6 + 1], DosageMatrix.missing)
        for s in [0, 2, 3, 4, 5] {
            XCTAssertEqual(codes[6 + s], expected.values[1][s], "sample \(Self.samples[s])")
        }
    }

    func testVariantPositionsAndDispatcher() throws {
        let dir = try TemporaryDirectory()
        let plain = try dir.write("edge.vcf", Self.text)
        let bgzf = try compress(dir, plain, with: "bgzip", to: "edge.vcf.bgz")
        let reader = try InputFormat.reader(for: bgzf)
        XCTAssertTrue(reader is VCFReader)
        let loaded = try reader.load(options: ReaderOptions())
        let multi = try XCTUnwrap(loaded.features.first { $0.id == "chr1:200:C:T,G" })
        XCTAssertEqual(multi.name, "chr1:200:C:T,G")
        XCTAssertEqual(multi.variant, VariantPosition(chrom: "chr1", pos: 200, ref: "C", alt: "T,G"))
    }

    /// Polyploid calls (README, Inputs): the dosage counts the non-REF alleles, 0 ... ploidy,
    /// of the call bcftools prints; missing when any allele is; --maf counts each call's alleles.
    func testPolyploidCallsCountTheirALTAlleles() throws {
        let dir = try TemporaryDirectory()
        let header = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\tC\tD\n"
        let path = try dir.write("poly.vcf", header
            + "1\t100\t.\tA\tG\t.\t.\t.\tGT\t0/0/1/1\t0/1/1/1\t1/1/1/1\t0/0/0/0\n"
            + "1\t200\t.\tA\tG,T\t.\t.\t.\tGT\t0/0/0\t1|2|0\t././.\t0/0/1/1/1/2\n")
        let expected = try BcftoolsTable(path: path, field: "GT", map: BcftoolsTable<UInt8>.dosage(gt:))
        let loaded = try load(path)
        let codes = try VCFTestLoad.recordCodes(loaded)
        XCTAssertEqual(expected.values, [[2, 3, 4, 0], [0, 2, 255, 4]])
        XCTAssertEqual(Array(codes), expected.values.flatMap { $0 })
        // ALT alleles 9 of 16 and 6 of 12 (a missing call counts none): minor-allele frequencies 7/16 and 1/2.
        let strict = try load(path) { $0.decoding.maf = 0.45 }
        XCTAssertEqual(strict.features.map(\.id), ["1:200:A:G,T"])
    }

    /// Records repeating a CHROM:POS:REF:ALT get #2, #3 ...; an id that already reads like a
    /// renamed one (ALT "G#2") is not reused, and every id stays unique.
    func testRepeatedSitesGetUniqueSuffixes() throws {
        let dir = try TemporaryDirectory()
        let header = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\n"
        let alts = ["G", "G", "G#2", "G", "G#2"]
        let records = alts.map { "1\t100\t.\tA\t\($0)\t.\t.\t.\tGT\t0/0\t0/1\n" }.joined()
        let loaded = try load(try dir.write("repeats.vcf", header + records))
        XCTAssertEqual(loaded.features.map(\.id),
                       ["1:100:A:G", "1:100:A:G#2", "1:100:A:G#2#2", "1:100:A:G#3", "1:100:A:G#2#3"])
        XCTAssertEqual(loaded.counters["duplicate_ids_renamed"], 4)
    }
}
