import GSelIO
import XCTest
import _TestSupport

/// `inspect` reports what bcftools sees in the header and records.
final class VCFInspectTests: XCTestCase {
    private func bcftools(_ arguments: [String]) throws -> [String] {
        let result = try GSelProcess.run("bcftools", arguments)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.split(separator: "\n").map(String.init)
    }

    func testHs1940SummaryMatchesBcftools() throws {
        let path = GSelProcess.testData("hs1940/hs1940_mouse.vcf.gz")
        var options = ReaderOptions()
        options.threads = 2
        let info = Dictionary(try VCFReader(path: path).inspect(options: options), uniquingKeysWith: { a, _ in a })

        let samples = try bcftools(["query", "-l", path])
        let contigs = try bcftools(["view", "-h", path]).filter { $0.hasPrefix("##contig=<ID=") }
            .map { $0.dropFirst("##contig=<ID=".count).prefix { $0 != "," && $0 != ">" } }
        let records = try bcftools(["query", "-f", "%CHROM:%POS:%REF:%ALT\t%ID\t%ALT\n", path])
            .map { $0.split(separator: "\t").map(String.init) }

        XCTAssertEqual(info["format"], "VCF (BGZF)")
        XCTAssertEqual(info["samples"], "\(samples.count)")
        XCTAssertTrue(info["sample ids"]?.hasPrefix(samples.prefix(5).joined(separator: ", ")) ?? false)
        XCTAssertTrue(info["contigs (header)"]?.hasPrefix("\(contigs.count): \(contigs.prefix(10).joined(separator: ", "))") ?? false)
        XCTAssertEqual(info["variant records"], "\(records.count) (counted by a full pass over the file)")
        XCTAssertTrue(info["records with ALT '.'"]?.hasPrefix("\(records.filter { $0[2] == "." }.count) ") ?? false)
        XCTAssertEqual(info["first records"], records.prefix(3).map { "\($0[0]) (\($0[1]))" }.joined(separator: "; "))
        XCTAssertEqual(info["FORMAT fields (header)"], "GT, DS")
        XCTAssertEqual(info["FORMAT layouts (records)"], "GT:DS")
    }

    func testPlainFileWithoutContigs() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("tiny.vcf", "##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\n2\t5\t.\tC\tT\t.\t.\t.\tGT:DP\t0/1:3\t1/1\n")
        let info = Dictionary(try VCFReader(path: path).inspect(options: ReaderOptions()), uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(info["format"], "VCF (uncompressed)")
        XCTAssertEqual(info["samples"], "\(try bcftools(["query", "-l", path]).count)")
        XCTAssertEqual(info["first records"], try bcftools(["query", "-f", "%CHROM:%POS:%REF:%ALT\n", path]).joined())
        XCTAssertEqual(info["contigs (header)"], "none declared")
        XCTAssertEqual(info["FORMAT layouts (records)"], "GT:DP")
    }
}
