import GSelIO
import XCTest
import _TestSupport

/// Malformed VCFs end in one `InputError` naming the file, the line (or compressed byte),
/// what was found and what was expected.
final class VCFErrorTests: XCTestCase {
    private let header = """
    ##fileformat=VCFv4.2
    #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\tS3
    """

    private func inputError(_ path: String, field: String = "GT", threads: Int = 2,
                            file: StaticString = #filePath, line: UInt = #line) -> InputError? {
        var options = ReaderOptions()
        options.decoding.vcfField = VCFField(rawValue: field)!
        options.threads = threads
        do {
            _ = try VCFReader(path: path).load(options: options)
            XCTFail("expected an InputError for \(path)", file: file, line: line)
        } catch let error as InputError {
            XCTAssertEqual(error.file, path, file: file, line: line)
            return error
        } catch {
            XCTFail("expected an InputError, got \(error)", file: file, line: line)
        }
        return nil
    }

    private func error(in text: String, field: String = "GT", file: StaticString = #filePath, line: UInt = #line) throws -> InputError? {
        let dir = try TemporaryDirectory()
        return inputError(try dir.write("bad.vcf", text), field: field, file: file, line: line)
    }

    func testDataLineWithFewerColumnsThanTheHeader() throws {
        let e = try error(in: header + "\n1\t10\trs1\tA\tG\t.\t.\t.\tGT\t0/1\t1/1\t0/0\n1\t20\trs2\tA\tG\t.\t.\t.\tGT\t0/1\t1/1\n")
        XCTAssertEqual(e?.location, "line 4")
        XCTAssertTrue(e?.message.contains("has 11 columns, expected 12") ?? false, e?.message ?? "")
        let fixed = try error(in: header + "\n1\t10\trs1\tA\tG\n")
        XCTAssertTrue(fixed?.message.contains("has 5 columns, expected 12") ?? false, fixed?.message ?? "")
    }

    func testDataLineWithMoreColumnsThanTheHeader() throws {
        let e = try error(in: header + "\n1\t10\trs1\tA\tG\t.\t.\t.\tGT\t0/1\t1/1\t0/0\t0/1\n")
        XCTAssertEqual(e?.location, "line 3")
        XCTAssertTrue(e?.message.contains("has 13 columns, expected 12") ?? false, e?.message ?? "")
    }

    func testGenotypeThatIsNotAGenotype() throws {
        let e = try error(in: header + "\n1\t10\trs1\tA\tG\t.\t.\t.\tGT:DP\t0/1:3\tA/B:4\t0/0:5\n")
        XCTAssertEqual(e?.location, "line 3, sample S2")
        XCTAssertTrue(e?.message.contains("GT \"A/B\" is not a genotype") ?? false, e?.message ?? "")
        let allele = try error(in: header + "\n1\t10\trs1\tA\tG\t.\t.\t.\tGT\t0/1\t0/2\t0/0\n")
        XCTAssertEqual(allele?.location, "line 3, sample S2")
        XCTAssertTrue(allele?.message.contains("expected allele indices 0..1") ?? false, allele?.message ?? "")
    }

    func testDosageThatIsNotANumber() throws {
        let e = try error(in: header + "\n1\t10\trs1\tA\tG\t.\t.\t.\tGT:DS\t0/1:1\t1/1:high\t0/0:0\n", field: "DS")
        XCTAssertEqual(e?.location, "line 3, sample S2")
        XCTAssertTrue(e?.message.contains("\"high\" is not a number") ?? false, e?.message ?? "")
    }

    /// DS outside [0, ploidy] is refused with the line, sample and value, as PLINK 2 refuses it
    /// ("invalid DS field"); the ploidy is the sample's GT's, or 2 without GT (issue 24).
    func testDosageOutsideZeroToPloidy() throws {
        let record = "\n1\t10\trs1\tA\tG\t.\t.\t.\t"
        let above = try error(in: header + record + "GT:DS\t0/1:1\t1/1:2.5\t0/0:0\n", field: "DS")
        XCTAssertEqual(above?.location, "line 3, sample S2")
        XCTAssertEqual(above?.message, "DS 2.5 is outside [0, 2] (the GT is diploid); expected an ALT allele dosage between 0 and the ploidy")
        let negative = try error(in: header + record + "DS\t0\t-0.5\t1\n", field: "DS")
        XCTAssertEqual(negative?.location, "line 3, sample S2")
        XCTAssertEqual(negative?.message, "DS -0.5 is outside [0, 2] (FORMAT has no GT, so the call is taken as diploid); expected an ALT allele dosage between 0 and the ploidy")
        let haploid = try error(in: header + record + "GT:DS\t0:0\t1:1\t1:1.5\n", field: "DS")
        XCTAssertEqual(haploid?.location, "line 3, sample S3")
        XCTAssertEqual(haploid?.message, "DS 1.5 is outside [0, 1] (the GT is haploid); expected an ALT allele dosage between 0 and the ploidy")
        // Up to the ploidy is a dosage: 2 for a diploid call, 3.5 for a tetraploid one.
        let dir = try TemporaryDirectory()
        let fine = try dir.write("fine.vcf", header + record + "GT:DS\t0/1:2\t0/1/1/1:3.5\t./.:.\n")
        let loaded = try VCFTestLoad.load(fine, field: "DS")
        let values = try XCTUnwrap(loaded.matrix as? DenseMatrix)
        XCTAssertEqual((0 ..< 2).map { values[$0, 0] }, [2, 3.5])
        XCTAssertTrue(values[2, 0].isNaN)
    }

    /// POS is at most 2^31-1, as bcftools and PLINK 2 require (issue 24).
    func testPositionBeyondTheVCFRange() throws {
        let e = try error(in: header + "\n1\t2147483648\trs1\tA\tG\t.\t.\t.\tGT\t0/1\t1/1\t0/0\n")
        XCTAssertEqual(e?.location, "line 3, column POS")
        XCTAssertEqual(e?.message, "POS 2147483648 is beyond the largest VCF position, 2^31-1 = 2147483647 (as bcftools and PLINK 2 require)")
        let huge = try error(in: header + "\n1\t99999999999999999999999\trs1\tA\tG\t.\t.\t.\tGT\t0/1\t1/1\t0/0\n")
        XCTAssertEqual(huge?.message, "POS 99999999999999999999999 is beyond the largest VCF position, 2^31-1 = 2147483647 (as bcftools and PLINK 2 require)")
        let dir = try TemporaryDirectory()
        let last = try dir.write("last.vcf", header + "\n1\t2147483647\trs1\tA\tG\t.\t.\t.\tGT\t0/1\t1/1\t0/0\n")
        XCTAssertEqual(try VCFTestLoad.load(last).features.first?.variant?.pos, 2_147_483_647)
    }

    func testPositionThatIsNotAnInteger() throws {
        let e = try error(in: header + "\n1\t1e5\trs1\tA\tG\t.\t.\t.\tGT\t0/1\t1/1\t0/0\n")
        XCTAssertEqual(e?.location, "line 3, column POS")
        XCTAssertTrue(e?.message.contains("POS \"1e5\"") ?? false)
    }

    func testMissingColumnHeader() throws {
        let e = try error(in: "##fileformat=VCFv4.2\n1\t10\trs1\tA\tG\t.\t.\t.\tGT\t0/1\n")
        XCTAssertEqual(e?.location, "line 2")
        XCTAssertTrue(e?.message.contains("missing #CHROM header line") ?? false, e?.message ?? "")
        let onlyMeta = try error(in: "##fileformat=VCFv4.2\n##contig=<ID=1>\n")
        XCTAssertTrue(onlyMeta?.message.contains("missing #CHROM header line") ?? false, onlyMeta?.message ?? "")
        let empty = try error(in: "")
        XCTAssertTrue(empty?.message.contains("empty") ?? false, empty?.message ?? "")
    }

    func testHeaderWithoutSamples() throws {
        let sitesOnly = try error(in: "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t10\t.\tA\tG\t.\t.\t.\n")
        XCTAssertEqual(sitesOnly?.location, "line 2")
        XCTAssertTrue(sitesOnly?.message.contains("no samples") ?? false, sitesOnly?.message ?? "")
        let formatOnly = try error(in: "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\n")
        XCTAssertTrue(formatOnly?.message.contains("no samples") ?? false, formatOnly?.message ?? "")
    }

    func testDuplicateSampleAndNoRecords() throws {
        let duplicate = try error(in: "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS1\n")
        XCTAssertTrue(duplicate?.message.contains("\"S1\" occurs twice") ?? false, duplicate?.message ?? "")
        let none = try error(in: header + "\n")
        XCTAssertTrue(none?.message.contains("no variant records") ?? false, none?.message ?? "")
        let noField = try error(in: header + "\n1\t10\trs1\tA\tG\t.\t.\t.\tGT\t0/1\t1/1\t0/0\n", field: "DS")
        XCTAssertTrue(noField?.message.contains("no record has DS") ?? false, noField?.message ?? "")
    }

    func testBadOptionsAreParameterErrors() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("ok.vcf", header + "\n1\t10\trs1\tA\tG\t.\t.\t.\tGT\t0/1\t1/1\t0/0\n")
        var options = ReaderOptions()
        options.decoding.maf = 0.7
        XCTAssertThrowsError(try VCFReader(path: path).load(options: options)) {
            XCTAssertEqual(($0 as? ParameterError)?.commandLineMessage, "--maf must be between 0 and 0.5; got 0.7")
        }
    }

    func testStoreLargerThanMaxMemory() throws {
        let dir = try TemporaryDirectory()
        let records = (1 ... 4).map { "1\t\($0)\t.\tA\tG\t.\t.\t.\tGT\t0/1\t1/1\t0/0" }
        let path = try dir.write("ok.vcf", header + "\n" + records.joined(separator: "\n") + "\n")
        var options = ReaderOptions()
        options.decoding.memoryBudget = MemoryBudget(bytes: 10)
        // The fourth variant would exceed the budget: the store goes to an on-disk cache instead.
        let spilled = try VCFReader(path: path).load(options: options).matrix
        XCTAssertTrue(spilled is DiskBackedMatrix, "\(type(of: spilled))")
        XCTAssertEqual(spilled.row(1), [2, 2, 2, 2])
        XCTAssertEqual(spilled.column(3), [1, 2, 0])
    }

    // MARK: compressed input

    /// Runs a shell command and returns its stdout and stderr.
    private func shell(_ command: String) throws -> GSelProcess.Result {
        try GSelProcess.run("/bin/sh", ["-c", command])
    }

    /// Lines in the first `bytes` bytes of a gzip/BGZF file, decompressed by gzip.
    private func completeLines(_ path: String, bytes: Int) throws -> Int {
        Int(try shell("head -c \(bytes) '\(path)' | gzip -dc | wc -l").stdout.trimmingCharacters(in: .whitespacesAndNewlines))!
    }

    /// The block offset htslib's `bgzip -t` reports for a broken BGZF file.
    private func htslibFailingBlock(_ path: String) throws -> Int {
        let report = try shell("bgzip -t '\(path)' 2>&1").stdout
        let match = try XCTUnwrap(report.range(of: #"block starting at offset \d+"#, options: .regularExpression), report)
        return Int(report[match].split(separator: " ").last!)!
    }

    private func hs1940Copy(_ dir: TemporaryDirectory) throws -> String {
        let source = GSelProcess.testData("hs1940/hs1940_mouse.vcf.gz")
        let copy = dir.path("hs.vcf.gz")
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: copy)
        return copy
    }

    func testTruncatedBGZFSaysWhereItEndedAndTheLastCompleteLine() throws {
        let dir = try TemporaryDirectory()
        let full = try hs1940Copy(dir)
        let cut = dir.path("cut.vcf.gz")
        XCTAssertEqual(try shell("head -c 3000000 '\(full)' > '\(cut)'").status, 0)
        let blockStart = try htslibFailingBlock(cut)
        let expectedLine = try completeLines(cut, bytes: blockStart)
        for threads in [1, 2] {
            let e = inputError(cut, threads: threads)
            XCTAssertEqual(e?.location, "compressed byte 3000000")
            XCTAssertTrue(e?.message.contains("truncated") ?? false, e?.message ?? "")
            XCTAssertTrue(e?.message.contains("block that starts at byte \(blockStart)") ?? false, e?.message ?? "")
            XCTAssertTrue(e?.message.hasSuffix("the last complete line read was line \(expectedLine)") ?? false, e?.message ?? "")
        }
    }

    func testCorruptBGZFBlockIsNamedByItsOffset() throws {
        let dir = try TemporaryDirectory()
        let path = try hs1940Copy(dir)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.seek(toOffset: 2_000_000)
        try handle.write(contentsOf: Data([0xff, 0xff, 0xff, 0xff]))
        try handle.close()
        let blockStart = try htslibFailingBlock(path)
        let e = inputError(path)
        XCTAssertEqual(e?.location, "compressed byte \(blockStart)")
        XCTAssertTrue(e?.message.contains("corrupt BGZF block") ?? false, e?.message ?? "")
        XCTAssertTrue(e?.message.hasSuffix("line \(try completeLines(path, bytes: blockStart))") ?? false, e?.message ?? "")
    }

    func testBGZFWithoutEndMarkerCutInsideALine() throws {
        let dir = try TemporaryDirectory()
        let plain = try dir.write("x.vcf", header + "\n1\t10\trs1\tA\tG\t.\t.\t.\tGT\t0/1\t1/1\t0/0\n1\t20\trs2\tA\tG\t.\t.\t.\tGT\t0/1")
        let path = dir.path("x.vcf.gz")
        // bgzip ends every file with a 28-byte empty block; dropping it leaves the data blocks intact.
        XCTAssertEqual(try shell("bgzip -c '\(plain)' | head -c -28 > '\(path)'").status, 0)
        let e = inputError(path)
        XCTAssertTrue(e?.message.contains("without the BGZF end-of-file marker") ?? false, e?.message ?? "")
        XCTAssertTrue(e?.message.hasSuffix("line 3") ?? false, e?.message ?? "")
    }

    func testTruncatedGzip() throws {
        let dir = try TemporaryDirectory()
        let records = (1 ... 3000).map { "1\t\($0)\t.\tA\tG\t.\t.\t.\tGT\t0/1\t\($0 % 2)/1\t0/0" }
        let plain = try dir.write("x.vcf", header + "\n" + records.joined(separator: "\n") + "\n")
        let path = dir.path("x.vcf.gz")
        XCTAssertEqual(try shell("gzip -c '\(plain)' | head -c 5000 > '\(path)'").status, 0)
        let e = inputError(path)
        XCTAssertEqual(e?.location, "compressed byte 5000")
        XCTAssertTrue(e?.message.contains("truncated") ?? false, e?.message ?? "")
        let lastLine = try XCTUnwrap(e?.message.split(separator: " ").last.flatMap { Int($0) })
        let linesGzipCanRead = try completeLines(path, bytes: 5000)
        XCTAssertEqual(lastLine, linesGzipCanRead, "the last line gzip -dc can complete from the cut file")
    }
}
