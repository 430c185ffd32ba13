import Foundation
import GSelCore
import GSelIO
import GSelPipeline
import XCTest
import _TestSupport

/// Genome-chunk scatter as documented in Workflows/README.md: chunks are balanced contiguous
/// slices of the features after QC (and `--region`); a chunk run is an ordinary run on its
/// features; the tournament runs the same selection on the union of the chunks' winners, and
/// its scattered form (chunk x pair jobs, per-chunk aggregate, `aggregate --tournament`)
/// gives the bytes of the one-machine `select --chunks N`.
final class ChunkedScatterTests: XCTestCase {
    private static let execution = Pipeline.Execution(threads: 2)

    func testChunksAreBalancedContiguousSlices() {
        func slices(_ p: Int, _ n: Int) -> [Range<Int>] { (1 ... n).map { ChunkParameters.slice($0, of: n, featureCount: p) } }
        XCTAssertEqual(slices(10, 4), [0 ..< 3, 3 ..< 6, 6 ..< 8, 8 ..< 10])
        XCTAssertEqual(slices(9, 3), [0 ..< 3, 3 ..< 6, 6 ..< 9])
        XCTAssertEqual(slices(5, 5), [0 ..< 1, 1 ..< 2, 2 ..< 3, 3 ..< 4, 4 ..< 5])
        XCTAssertEqual(slices(171, 3), [0 ..< 57, 57 ..< 114, 114 ..< 171])

        XCTAssertEqual(GenomeRegion(parsing: "chr20"), GenomeRegion(chrom: "chr20"))
        XCTAssertEqual(GenomeRegion(parsing: "20:1,000-2,000"), GenomeRegion(chrom: "20", start: 1000, end: 2000))
        XCTAssertEqual(GenomeRegion(parsing: "20:5-"), GenomeRegion(chrom: "20", start: 5))
        for bad in ["", "20:0-5", "20:9-5", ":1-2", "20:a-b", "20:5", "20:1-2-3"] {
            XCTAssertNil(GenomeRegion(parsing: bad), bad)
        }
        let variant = VariantPosition(chrom: "20", pos: 1000, ref: "A", alt: "G")
        XCTAssertTrue(GenomeRegion(chrom: "20", start: 1000, end: 1000).contains(variant), "bounds are inclusive")
        XCTAssertFalse(GenomeRegion(chrom: "20", start: 1001).contains(variant))
        XCTAssertFalse(GenomeRegion(chrom: "chr20").contains(variant), "chromosome names are compared as written")
    }

    /// `--region` is read from the right, as samtools does: a contig name may hold `:` when a
    /// range follows, and braces name any contig; each refusal says what is wrong (issue 24).
    func testRegionIsParsedFromTheRightWithBracesForNamesHoldingColons() throws {
        let hla = GenomeRegion(chrom: "HLA-A*01:01", start: 1, end: 100)
        XCTAssertEqual(GenomeRegion(parsing: "HLA-A*01:01:1-100"), hla)
        XCTAssertEqual(GenomeRegion(parsing: "{HLA-A*01:01}:1-100"), hla)
        XCTAssertEqual(GenomeRegion(parsing: "{HLA-A*01:01}"), GenomeRegion(chrom: "HLA-A*01:01"))
        XCTAssertEqual(GenomeRegion(parsing: "{HLA-A*01:01}:5-"), GenomeRegion(chrom: "HLA-A*01:01", start: 5))
        XCTAssertEqual(hla.description, "{HLA-A*01:01}:1-100")
        XCTAssertEqual(GenomeRegion(parsing: hla.description), hla, "the description parses back")
        XCTAssertTrue(hla.contains(VariantPosition(chrom: "HLA-A*01:01", pos: 100, ref: "A", alt: "G")))
        XCTAssertFalse(hla.contains(VariantPosition(chrom: "HLA-A*01", pos: 100, ref: "A", alt: "G")))
        func message(_ text: String) -> String? {
            do { _ = try GenomeRegion.parse(text); return nil } catch { return (error as? ParameterError)?.description }
        }
        XCTAssertEqual(message("1:1-99999999999999999999"),
                       "region '1:1-99999999999999999999': END 99999999999999999999 is beyond any position (at most 9223372036854775807; a VCF POS is at most 2147483647); leave END out (CHR:START-) for the rest of the contig")
        XCTAssertEqual(message("20:9-5"), "region '20:9-5': END (5) is before START (9); expected 1 <= START <= END")
        XCTAssertEqual(message("20:0-5"), "region '20:0-5': START is 0, expected a position from 1 (positions are 1-based)")
        XCTAssertEqual(message("HLA-A*01:01"),
                       "region 'HLA-A*01:01': expected START-END or START- (1-based positions) after the last ':', found '01'; a contig whose name holds ':' is written in braces: {HLA-A*01:01}")
        XCTAssertEqual(message("{x}y"), "region '{x}y': expected :START-END after {x}, found 'y'")
        XCTAssertEqual(message(":1-2"), "region ':1-2': names no contig; expected CHR, CHR:START-END or {CHR}:START-END")
    }

    /// Chunk 2 of 3 of a 90-feature table gives the bytes of an ordinary run on a table that
    /// holds only features 31-60 (cut from the text here, not by gsel).
    func testChunkRunIsAnOrdinaryRunOnItsFeatures() throws {
        let dir = try TemporaryDirectory()
        let planted = PlantedSignal(samples: 240, features: 90, linearCount: 6, seed: 3)
        let (matrix, labels) = planted.tsv()
        let full = try dir.write("full.tsv", matrix)
        let cut = matrix.split(separator: "\n").map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            return ([cells[0]] + cells[31 ... 60]).joined(separator: "\t")
        }.joined(separator: "\n") + "\n"
        let sliced = try dir.write("sliced.tsv", cut)
        let labelFile = try dir.write("labels.tsv", labels)
        func parameters(_ path: String, chunk: ChunkParameters?) -> RunParameters {
            var input = InputParameters(path: path)
            input.labels = labelFile
            input.chunking = chunk
            var selection = SelectionParameters(k: 4)
            selection.repeats = 2
            return RunParameters(input: input, selection: selection)
        }
        let chunk = try Pipeline.select(parameters(full, chunk: ChunkParameters(count: 3, index: 2)), out: dir.path("chunk"),
                                        execution: Self.execution)
        try Pipeline.select(parameters(sliced, chunk: nil), out: dir.path("sliced"), execution: Self.execution)
        XCTAssertEqual(chunk.run.units.ids, (30 ..< 60).map { "f\($0)" })
        for file in ["ranking.tsv", "evaluation.tsv", "selection_path.tsv"] {
            XCTAssertEqual(try Self.bytes(dir.path("chunk/\(file)")), try Self.bytes(dir.path("sliced/\(file)")), file)
        }
        let winners = try ChunkWinners.read(dir.path("chunk"))
        XCTAssertEqual(winners.winners, try OutputFiles.tsv(dir.path("chunk/ranking.tsv")).map { $0["feature_id"]! })
        XCTAssertEqual(winners.chunkFeatures, 30)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("sliced/\(ChunkWinners.fileName)")))
    }

    /// Chunk x pair jobs in scrambled order, one aggregate per chunk and the tournament give
    /// the bytes of `select --chunks 3`, chunk outputs included; the tournament's candidates
    /// are the union of the chunks' rankings, in input order; `--resume` reruns nothing.
    func testScatteredTournamentEqualsOneMachineRun() throws {
        let dir = try TemporaryDirectory()
        var parameters = GolubRun.parameters(repeats: 2)
        parameters.input.chunking = ChunkParameters(count: 3)
        let direct = try Pipeline.select(parameters, out: dir.path("direct"), execution: Self.execution)

        var chunkFolders: [String] = []
        for chunk in [3, 1, 2] {
            var chunkParameters = parameters
            chunkParameters.input.chunking?.index = chunk
            var pairFolders: [String] = []
            for pair in [2, 1] {
                let out = dir.path("c\(chunk)p\(pair)")
                try Pipeline.repeatPair(pair, parameters: chunkParameters, out: out, execution: Self.execution)
                pairFolders.append(out)
            }
            let out = dir.path("chunk\(chunk)")
            try Pipeline.aggregate(directories: pairFolders, out: out, execution: Self.execution)
            chunkFolders.append(out)
            for file in ["ranking.tsv", ChunkWinners.fileName] {
                XCTAssertEqual(try Self.bytes("\(out)/\(file)"), try Self.bytes(dir.path("direct/chunks/chunk-\(chunk)/\(file)")),
                               "chunk \(chunk) \(file)")
            }
        }
        let gathered = try Pipeline.tournament(directories: chunkFolders, out: dir.path("gathered"), execution: Self.execution)
        for file in ["ranking.tsv", "evaluation.tsv", "selection_path.tsv"] {
            XCTAssertEqual(try Self.bytes(dir.path("gathered/\(file)")), try Self.bytes(dir.path("direct/\(file)")), file)
        }
        XCTAssertEqual(gathered.result.entries, direct.result.entries)

        // The candidates: every chunk's ranked features, in the input's order.
        let inputOrder = try LoadedInput.load(GolubRun.parameters().input, threads: 2, log: .silent).matrix.features.map(\.id)
        var union = Set<String>()
        for chunk in 1 ... 3 {
            union.formUnion(try OutputFiles.tsv(dir.path("direct/chunks/chunk-\(chunk)/ranking.tsv")).map { $0["feature_id"]! })
        }
        XCTAssertEqual(union.count, 15, "5 winners from each of 3 disjoint chunks")
        XCTAssertEqual(direct.run.units.ids, inputOrder.filter(union.contains))
        let ranked = try OutputFiles.tsv(dir.path("direct/ranking.tsv")).map { $0["feature_id"]! }
        XCTAssertTrue(Set(ranked).isSubset(of: union))

        let resumed = try Pipeline.select(parameters, out: dir.path("direct"), resume: true, execution: Self.execution)
        XCTAssertEqual(resumed.fitsComputed, 0)
        XCTAssertEqual(resumed.result.entries, direct.result.entries)
    }

    /// `--chunk-winners M` above k hands the chunk's ranked k and then its next most
    /// frequently picked features to the tournament (counted here from the fit files).
    func testChunkWinnersBeyondKFollowTheSelectionFrequency() throws {
        let dir = try TemporaryDirectory()
        var parameters = GolubRun.parameters(repeats: 3)
        parameters.input.chunking = ChunkParameters(count: 2, winners: 12)
        let run = try Pipeline.select(parameters, out: dir.path("run"), execution: Self.execution)
        var union = Set<String>()
        for chunk in 1 ... 2 {
            let folder = dir.path("run/chunks/chunk-\(chunk)")
            let winners = try ChunkWinners.read(folder).winners
            XCTAssertEqual(winners.count, 12)
            XCTAssertEqual(Array(winners.prefix(5)), try OutputFiles.tsv("\(folder)/ranking.tsv").map { $0["feature_id"]! })
            var picks: [String: Int] = [:]
            for file in OutputFiles.list("\(folder)/fits") where file.hasPrefix("fit-") && !file.hasPrefix("fit-0-") {
                for row in try String(contentsOfFile: "\(folder)/fits/\(file)", encoding: .utf8).split(separator: "\n")
                where row.hasPrefix("pick\t") {
                    picks[String(row.split(separator: "\t")[3]), default: 0] += 1
                }
            }
            let counts = winners.map { picks[$0] ?? 0 }
            XCTAssertEqual(counts.dropFirst(5).sorted(by: >), Array(counts.dropFirst(5)), "\(counts)")
            XCTAssertGreaterThanOrEqual(counts[4], counts[5], "\(counts)")
            let unranked = picks.filter { !winners.contains($0.key) }.values.max() ?? 0
            XCTAssertLessThanOrEqual(unranked, counts.last!, "a feature picked more often than the last winner was left out")
            union.formUnion(winners)
        }
        XCTAssertEqual(Set(run.run.units.ids), union)
        XCTAssertEqual(run.run.units.count, 24)
    }

    /// With the marginal statistic and one fit the tournament is exact: every feature of the
    /// whole-genome top k is in its chunk's top k, and its statistic does not depend on the
    /// other features; so ranking.tsv and evaluation.tsv equal the whole-genome run's.
    func testMarginalTournamentReturnsTheWholeGenomeRanking() throws {
        let dir = try TemporaryDirectory()
        var parameters = Self.hs1940(k: 10)
        let whole = try Pipeline.select(parameters, out: dir.path("whole"), execution: Self.execution)
        parameters.input.chunking = ChunkParameters(count: 7)
        let chunked = try Pipeline.select(parameters, out: dir.path("chunked"), execution: Self.execution)
        XCTAssertEqual(chunked.run.units.count, 70)
        for file in ["ranking.tsv", "evaluation.tsv"] {
            XCTAssertEqual(try Self.bytes(dir.path("chunked/\(file)")), try Self.bytes(dir.path("whole/\(file)")), file)
        }
        XCTAssertEqual(whole.run.units.count, 9286)
    }

    /// `--region` keeps the variants bcftools finds in the region (after the same QC), and a
    /// chunk is its slice of them.
    func testRegionKeepsTheVariantsBcftoolsFinds() throws {
        var input = Self.hs1940(k: 5).input
        input.decoding.maf = 0.05
        input.chunking = ChunkParameters(region: GenomeRegion(parsing: "11:10,000,000-40000000"))
        func bcftools(_ region: [String]) throws -> [String] {
            let query = try GSelProcess.run("bcftools", ["query"] + region + ["-i", "ALT!=\".\" && MAF>=0.05",
                                                                          "-f", "%CHROM:%POS:%REF:%ALT\n", input.path])
            XCTAssertEqual(query.status, 0, query.stderr)
            return query.stdout.split(separator: "\n").map(String.init)
        }
        let expected = try bcftools(["-r", "11:10000000-40000000"])
        XCTAssertGreaterThan(expected.count, 100)
        let region = try LoadedInput.load(input, threads: 2, log: .silent)
        XCTAssertEqual(region.matrix.features.map(\.id), expected)
        XCTAssertEqual(region.inputFeatureCount, try bcftools([]).count)
        input.chunking?.count = 3
        input.chunking?.index = 3
        let chunk = try LoadedInput.load(input, threads: 2, log: .silent)
        let size = expected.count / 3
        XCTAssertEqual(chunk.matrix.features.map(\.id), Array(expected.suffix(size)))
        // The values are those of the region's columns.
        let column = region.featureCount - size
        XCTAssertEqual(chunk.matrix.matrix.column(0), region.matrix.matrix.column(column))
        XCTAssertEqual(chunk.rows, region.rows)
    }

    /// Mixed or incomplete chunk outputs, and chunk settings that cannot work, are refused
    /// with the reason; nothing is written.
    func testChunkedRunsRefuseMixedOrMissingChunks() throws {
        let dir = try TemporaryDirectory()
        func chunked(_ index: Int?, seed: UInt64 = 5) -> RunParameters {
            var p = GolubRun.parameters(seed: seed, repeats: 1, method: .marginal)
            p.input.chunking = ChunkParameters(count: 3, index: index)
            return p
        }
        try Pipeline.repeatPair(1, parameters: chunked(1), out: dir.path("c1p1"), execution: Self.execution)
        try Pipeline.repeatPair(1, parameters: chunked(2), out: dir.path("c2p1"), execution: Self.execution)
        let mixed = GolubRun.error {
            try Pipeline.aggregate(directories: [dir.path("c1p1"), dir.path("c2p1")], out: dir.path("bad"), execution: Self.execution)
        }
        XCTAssertTrue(mixed?.contains("chunking.index is 2 here but 1 there") == true, mixed ?? "no error")

        for index in 1 ... 3 {
            try Pipeline.select(chunked(index), out: dir.path("chunk\(index)"), execution: Self.execution)
        }
        try Pipeline.select(chunked(2, seed: 6), out: dir.path("other2"), execution: Self.execution)
        let cases: [([String], String)] = [
            (["chunk1", "chunk3"], "winners of 1 of 3 chunks are missing (chunks 2)"),
            (["chunk1", "chunk1", "chunk2", "chunk3"], "both hold chunk 1"),
            (["chunk1", "other2", "chunk3"], "seed is 6 here but 5 there"),
            (["c1p1"], "cannot read the chunk's winners"),
        ]
        for (folders, expected) in cases {
            let message = GolubRun.error {
                try Pipeline.tournament(directories: folders.map(dir.path), out: dir.path("bad"), execution: Self.execution)
            }
            XCTAssertTrue(message?.contains(expected) == true, "\(folders): \(message ?? "no error")")
        }
        let moved = GolubRun.error {
            try Pipeline.tournament(directories: ["chunk1", "chunk2", "chunk3"].map(dir.path), out: dir.path("bad"),
                                    overrides: .init(k: 4), execution: Self.execution)
        }
        XCTAssertTrue(moved?.contains("k 4 differs from the fits' k 5") == true, moved ?? "no error")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("bad")))

        // The final fits of a chunked select are not a pair run.
        try Pipeline.select(chunked(nil), out: dir.path("whole"), execution: Self.execution)
        let final = GolubRun.error { try Pipeline.aggregate(directories: [dir.path("whole")], out: dir.path("bad"), execution: Self.execution) }
        XCTAssertTrue(final?.contains("gsel aggregate --tournament") == true, final ?? "no error")
        let repeatAll = GolubRun.error { try Pipeline.repeatPair(1, parameters: chunked(nil), out: dir.path("bad"), execution: Self.execution) }
        XCTAssertTrue(repeatAll?.hasPrefix("chunk is needed with --chunks 3") == true, repeatAll ?? "no error")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("bad")))
    }

    /// Chunk parameters are checked by name, and are part of the fingerprint (runs without
    /// them keep the fingerprint they had).
    func testChunkParametersAreValidatedAndFingerprinted() throws {
        func failure(_ chunking: ChunkParameters, groups: Bool = false) -> String? {
            var p = GolubRun.parameters()
            p.input.chunking = chunking
            if groups { p.input.groups = "g.tsv" }
            do { try p.validate(); return nil } catch let e as ParameterError { return "\(e.flag) \(e.message)" } catch { return "\(error)" }
        }
        XCTAssertNil(failure(ChunkParameters(count: 3, index: 3)))
        XCTAssertEqual(failure(ChunkParameters(index: 2)), "--chunk needs --chunks N, the number of chunks it is one of")
        XCTAssertEqual(failure(ChunkParameters(count: 3, index: 4)), "--chunk must be between 1 and --chunks (3); got 4")
        XCTAssertEqual(failure(ChunkParameters(count: 0)), "--chunks must be between 1 and 100000; got 0")
        XCTAssertEqual(failure(ChunkParameters(count: 2, winners: 0)), "--chunk-winners must be at least 1; got 0")
        XCTAssertEqual(failure(ChunkParameters(count: 2), groups: true)?.hasPrefix("--chunks cannot be combined with --groups"), true)

        let plain = RunManifest(inputSHA256: "aa", labelsSHA256: nil, groupsSHA256: nil, parameters: GolubRun.parameters())
        XCTAssertFalse(try plain.encoded().contains("chunking"), "runs without chunks keep their manifest")
        var one = plain, two = plain
        one.parameters.input.chunking = ChunkParameters(count: 3, index: 1)
        two.parameters.input.chunking = ChunkParameters(count: 3, index: 2)
        XCTAssertNotEqual(one.fingerprint, two.fingerprint)
        XCTAssertNotEqual(one.fingerprint, plain.fingerprint)

        // Inputs that cannot be chunked as asked.
        let dir = try TemporaryDirectory()
        func loadError(_ chunking: ChunkParameters, k: Int = 5) -> String? {
            var p = GolubRun.parameters(method: .marginal)
            p.selection.k = k
            p.input.chunking = chunking
            return GolubRun.error { try Pipeline.select(p, out: dir.path("x"), execution: Self.execution) }
        }
        XCTAssertTrue(loadError(ChunkParameters(region: GenomeRegion(chrom: "1")))?.contains("needs variant positions") == true)
        XCTAssertTrue(loadError(ChunkParameters(count: 4000))?.contains("3051 features cannot be split into 4000 chunks") == true)
        XCTAssertTrue(loadError(ChunkParameters(count: 1000, index: 1), k: 5)?.contains("(chunk 1 of 1000; use fewer chunks)") == true)
        var vcf = Self.hs1940(k: 5)
        vcf.input.chunking = ChunkParameters(region: GenomeRegion(chrom: "chr11"))
        let noVariants = GolubRun.error { try Pipeline.select(vcf, out: dir.path("x"), execution: Self.execution) }
        XCTAssertTrue(noVariants?.contains("--region chr11 holds no variant that passed QC; chromosomes in the input: 1, 2, 3") == true,
                      noVariants ?? "no error")
    }

    // MARK: - Helpers

    /// hs1940 genotypes with pheno1, the marginal method and one fit.
    private static func hs1940(k: Int) -> RunParameters {
        var input = InputParameters(path: GSelProcess.testData("hs1940/hs1940_mouse.vcf.gz"))
        input.labels = GSelProcess.testData("hs1940/hs1940_mouse.pheno.tsv")
        input.labelColumn = "pheno1"
        var selection = SelectionParameters(k: k)
        selection.method = .marginal
        selection.repeats = 0
        return RunParameters(input: input, selection: selection)
    }

    private static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
}
