import Foundation
import GSelIO
import XCTest
import _TestSupport

final class DelimitedReaderTests: XCTestCase {
    private typealias S = DelimitedTestSupport

    private func dense(_ m: LoadedMatrix, file: StaticString = #filePath, line: UInt = #line) throws -> DenseMatrix {
        try XCTUnwrap(m.matrix as? DenseMatrix, "expected a DenseMatrix", file: file, line: line)
    }

    private func load(_ path: String, layout: MatrixLayout? = nil, labels: Set<String>? = nil) throws -> LoadedMatrix {
        var options = ReaderOptions()
        options.decoding.layout = layout
        options.labelSampleIDs = labels
        return try DelimitedReader(path: path).load(options: options)
    }


    private func golubLabelIDs() throws -> Set<String> {
        let out = try S.shell("cut -f1 '\(S.golubLabels)' | tail -n +2")
        return Set(out.split(separator: "\n").map(String.init))
    }

    // MARK: real data against pandas

    func testGolubMatchesPandasBitForBit() throws {
        let tmp = try TemporaryDirectory()
        let ref = try S.pandasTable(S.golubExpression, valuesPath: tmp.path("ref.f32"))
        let m = try load(S.golubExpression, labels: try golubLabelIDs())
        XCTAssertEqual(m.format, "tsv")
        XCTAssertEqual(m.sampleIDs, ref.index)
        XCTAssertEqual(m.features.map(\.id), ref.columns)
        XCTAssertEqual(m.matrix.rowCount, 38)
        XCTAssertEqual(m.matrix.columnCount, 3051)
        XCTAssertTrue(S.sameValues(try dense(m).values, try S.float32File(tmp.path("ref.f32"))))
        XCTAssertTrue(m.notes.contains { $0.contains("layout: samples-by-features") && $0.contains("38 of 38 first-column ids") },
                      "\(m.notes)")
    }

    func testGolubTransposedIsDetectedAsFeaturesBySamples() throws {
        let tmp = try TemporaryDirectory()
        let transposed = tmp.path("golub_t.tsv.gz")
        _ = try S.python("""
        import sys, pandas as pd
        pd.read_csv(sys.argv[1], sep='\\t', index_col=0).T.to_csv(sys.argv[2], sep='\\t', index_label='gene')
        """, [S.golubExpression, transposed])
        let labels = try golubLabelIDs()
        let direct = try load(S.golubExpression, labels: labels)
        let t = try load(transposed, labels: labels)
        XCTAssertEqual(t.sampleIDs, direct.sampleIDs)
        XCTAssertEqual(t.features, direct.features)
        XCTAssertTrue(S.sameValues(try dense(t).values, try dense(direct).values))
        XCTAssertTrue(t.notes.contains { $0.contains("layout: features-by-samples") && $0.contains("38 of 38 header ids") }, "\(t.notes)")

        // Without label ids the default is samples-by-features; --layout overrides.
        let unlabelled = try load(transposed)
        XCTAssertEqual(unlabelled.matrix.rowCount, 3051)
        XCTAssertTrue(unlabelled.notes.contains { $0.contains("no label ids to match") })
        let forced = try load(transposed, layout: .featuresBySamples)
        XCTAssertEqual(forced.sampleIDs, direct.sampleIDs)
        XCTAssertTrue(forced.notes.contains { $0.contains("given by --layout") })
    }

    func testGolubInspect() throws {
        let info = Dictionary(uniqueKeysWithValues: try DelimitedReader(path: S.golubExpression).inspect(options: ReaderOptions()))
        let firstIDs = try S.shell("zcat '\(S.golubExpression)' | awk -F'\\t' 'NR>1 && NR<=6 {print $1}'")
            .split(separator: "\n").joined(separator: ", ")
        let columns = try S.shell("zcat '\(S.golubExpression)' | head -1 | awk -F'\\t' '{print NF-1}'")
        XCTAssertEqual(info["format"], "tsv")
        XCTAssertEqual(info["compression"], "gzip")
        XCTAssertEqual(info["delimiter"], "tab")
        XCTAssertEqual(info["table"], "38 data rows x \(columns.trimmingCharacters(in: .whitespacesAndNewlines)) value columns")
        XCTAssertEqual(info["sample ids"], firstIDs + ", ...")
        XCTAssertEqual(info["samples"], "38")
    }

    // MARK: text details against pandas

    func testMissingValueTokensMatchPandas() throws {
        let tmp = try TemporaryDirectory()
        let path = try tmp.write("na.tsv", """
        id\tg1\tg2\tg3\tg4
        s1\t1.5\tNA\t\t-2e-3
        s2\tNaN\tnan\t7\tN/A
        s3\t 4 \t+0.25\t1E+2\t-0
        """)
        let ref = try S.pandasTable(path, valuesPath: tmp.path("ref.f32"))
        let m = try load(path)
        XCTAssertEqual(m.sampleIDs, ref.index)
        let values = try dense(m).values
        XCTAssertTrue(S.sameValues(values, try S.float32File(tmp.path("ref.f32"))), "\(values)")
        XCTAssertEqual(m.counters["missing_values"], values.filter(\.isNaN).count)
        XCTAssertEqual(values.filter(\.isNaN).count, 5)
    }

    func testCSVQuotingMatchesPandas() throws {
        let tmp = try TemporaryDirectory()
        // R write.csv style: quoted header with an empty corner, quoted row ids, a comma and a quote inside ids.
        let path = try tmp.write("quoted.csv", #"""
        "","gene A","gene ""B""","g,3"
        "s1",1,2.5,"3"
        "s,2",4,NA,6.125
        s3 , 7 ,8,9
        """#)
        let ref = try S.pandasTable(path, valuesPath: tmp.path("ref.f32"), sep: ",")
        let m = try load(path)
        XCTAssertEqual(m.format, "csv")
        XCTAssertEqual(m.sampleIDs, ref.index.map { $0.trimmingCharacters(in: .whitespaces) })
        XCTAssertEqual(m.features.map(\.id), ref.columns)
        XCTAssertTrue(S.sameValues(try dense(m).values, try S.float32File(tmp.path("ref.f32"))))
    }

    func testHeaderWithoutCornerCellMatchesPandas() throws {
        let tmp = try TemporaryDirectory()
        // R write.table(sep = "\t") writes one header field fewer than each row.
        let path = try tmp.write("r.txt", "g1\tg2\ts1x\nsA\t1\t2\t3\nsB\t4\t5\t6\n")
        let ref = try S.pandasTable(path, valuesPath: tmp.path("ref.f32"))
        let m = try load(path)
        XCTAssertEqual(m.sampleIDs, ref.index)
        XCTAssertEqual(m.features.map(\.id), ref.columns)
        XCTAssertTrue(S.sameValues(try dense(m).values, try S.float32File(tmp.path("ref.f32"))))
        XCTAssertTrue(m.notes.contains { $0.contains("no corner cell") })
    }

    func testCommaDetectedInTxtAndCRLFEndings() throws {
        let tmp = try TemporaryDirectory()
        let path = try tmp.write("m.txt", "id,a,b\r\nx,1,2\r\ny,3,4\r\n\r\n")
        let m = try load(path)
        XCTAssertEqual(m.format, "csv")
        XCTAssertEqual(m.sampleIDs, ["x", "y"])
        XCTAssertEqual(try dense(m).values, [1, 2, 3, 4])
    }

    // MARK: compression

    func testGzipMatchesPlainAndConcatenatedMembersAreRead() throws {
        let tmp = try TemporaryDirectory()
        let head = "id\ta\tb\nr1\t0.1\t0.2\n"
        let tail = "r2\t0.3\tNA\nr3\t-1\t1e-5\n"
        let plain = try tmp.write("m.tsv", head + tail)
        try tmp.write("head.tsv", head)
        try tmp.write("tail.tsv", tail)
        let gz = tmp.path("m.tsv.gz")
        _ = try S.shell("gzip -c '\(tmp.path("head.tsv"))' > '\(gz)' && gzip -c '\(tmp.path("tail.tsv"))' >> '\(gz)'")
        let a = try load(plain), b = try load(gz)
        XCTAssertEqual(b.sampleIDs, ["r1", "r2", "r3"])
        XCTAssertTrue(S.sameValues(try dense(a).values, try dense(b).values))
        XCTAssertEqual(try dense(b).values[1], Float(0.2))
        let info = Dictionary(uniqueKeysWithValues: try DelimitedReader(path: gz).inspect(options: ReaderOptions()))
        XCTAssertEqual(info["compression"], "gzip")
        XCTAssertEqual(info["table"], "3 data rows x 2 value columns")
    }

    func testTruncatedGzipReachesTheUser() throws {
        let tmp = try TemporaryDirectory()
        let whole = try Data(contentsOf: URL(fileURLWithPath: S.golubExpression))
        let path = tmp.path("cut.tsv.gz")
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        let message = S.inputError { _ = try load(path) }
        XCTAssertTrue(message.contains(path) && message.contains("truncated") && message.contains("compressed byte"), message)
        let inspectMessage = S.inputError { _ = try DelimitedReader(path: path).inspect(options: ReaderOptions()) }
        XCTAssertTrue(inspectMessage.contains("truncated"), inspectMessage)
    }

    func testTextNamedGzIsRejected() throws {
        let tmp = try TemporaryDirectory()
        let path = try tmp.write("plain.tsv.gz", "id\ta\nx\t1\n")
        let message = S.inputError { _ = try load(path) }
        XCTAssertTrue(message.contains(path) && message.contains("byte 0") && message.contains("gzip magic"), message)
    }

    // MARK: bad input

    func testMissingAndEmptyFiles() throws {
        let tmp = try TemporaryDirectory()
        let missing = tmp.path("nope.tsv")
        let m1 = S.inputError { _ = try load(missing) }
        XCTAssertTrue(m1.contains(missing) && m1.contains("cannot open"), m1)
        let empty = try tmp.write("empty.tsv", "")
        let m2 = S.inputError { _ = try load(empty) }
        XCTAssertTrue(m2.contains(empty) && m2.contains("empty") && m2.contains("header"), m2)
        let blank = try tmp.write("blank.tsv", "\n  \n")
        let m3 = S.inputError { _ = try load(blank) }
        XCTAssertTrue(m3.contains("empty"), m3)
    }

    func testHeaderWithoutRows() throws {
        let tmp = try TemporaryDirectory()
        let path = try tmp.write("h.tsv", "id\ta\tb\n")
        let message = S.inputError { _ = try load(path) }
        XCTAssertTrue(message.contains("\(path): line 1") && message.contains("no data rows"), message)
    }

    func testRaggedRows() throws {
        let tmp = try TemporaryDirectory()
        let short = try tmp.write("short.tsv", "id\ta\tb\tc\nx\t1\t2\t3\ny\t1\t2\n")
        let m1 = S.inputError { _ = try load(short) }
        XCTAssertTrue(m1.contains("\(short): line 3: expected 4 fields (header has 4), found 3"), m1)
        let long = try tmp.write("long.tsv", "id\ta\tb\tc\nx\t1\t2\t3\ny\t1\t2\t3\t4\t5\n")
        let m2 = S.inputError { _ = try load(long) }
        XCTAssertTrue(m2.contains("\(long): line 3: expected 4 fields (header has 4), found 6"), m2)
    }

    func testNonNumericCellNamesLineColumnAndText() throws {
        let tmp = try TemporaryDirectory()
        let path = try tmp.write("bad.tsv", "id\tGENE1\tGENE7\nx\t1\t2\n\ny\t3\tabc\n")
        let m1 = S.inputError { _ = try load(path) }
        XCTAssertTrue(m1.contains("\(path): line 4, column GENE7: found 'abc', expected a number"), m1)
        let huge = try tmp.write("huge.tsv", "id\tGENE1\nx\t1e50\n")
        let m2 = S.inputError { _ = try load(huge) }
        XCTAssertTrue(m2.contains("line 2, column GENE1: found '1e50', outside the Float32 range"), m2)
        let inf = try tmp.write("inf.tsv", "id\tGENE1\nx\tinf\n")
        let m3 = S.inputError { _ = try load(inf) }
        XCTAssertTrue(m3.contains("line 2, column GENE1: found 'inf', expected a number"), m3)
    }

    func testDuplicateIDsNameTheAxisAndBothPositions() throws {
        let tmp = try TemporaryDirectory()
        let rows = try tmp.write("duprow.tsv", "id\ta\tb\ns1\t1\t2\ns2\t1\t2\ns1\t3\t4\n")
        let m1 = S.inputError { _ = try load(rows) }
        XCTAssertTrue(m1.contains("\(rows): line 4: duplicate sample id 's1'") && m1.contains("first on line 2"), m1)
        let m2 = S.inputError { _ = try load(rows, layout: .featuresBySamples) }
        XCTAssertTrue(m2.contains("duplicate feature id 's1'"), m2)
        let columns = try tmp.write("dupcol.tsv", "id\ta\tb\ta\ns1\t1\t2\t3\n")
        let m3 = S.inputError { _ = try load(columns) }
        XCTAssertTrue(m3.contains("\(columns): line 1, field 4: duplicate feature id 'a' in the header (first at field 2)"), m3)
        let m4 = S.inputError { _ = try load(columns, layout: .featuresBySamples) }
        XCTAssertTrue(m4.contains("duplicate sample id 'a'"), m4)
    }

    func testMalformedQuotesAndEmptyIDs() throws {
        let tmp = try TemporaryDirectory()
        let open = try tmp.write("open.csv", "id,a\n\"x,1\n")
        let m1 = S.inputError { _ = try load(open) }
        XCTAssertTrue(m1.contains("\(open): line 2, field 1") && m1.contains("no closing quote"), m1)
        let after = try tmp.write("after.csv", "id,a\nx,\"1\"2\n")
        let m2 = S.inputError { _ = try load(after) }
        XCTAssertTrue(m2.contains("line 2, field 2") && m2.contains("follows the closing quote"), m2)
        let noID = try tmp.write("noid.tsv", "id\ta\n\t1\n")
        let m3 = S.inputError { _ = try load(noID) }
        XCTAssertTrue(m3.contains("line 2, field 1") && m3.contains("row id is empty"), m3)
        let trailing = try tmp.write("trailing.tsv", "id\ta\t\nx\t1\t2\n")
        let m4 = S.inputError { _ = try load(trailing) }
        XCTAssertTrue(m4.contains("line 1, field 3") && m4.contains("header id is empty"), m4)
    }

    func testMemoryLimit() throws {
        let tmp = try TemporaryDirectory()
        let path = try tmp.write("m.tsv", "id\ta\tb\nx\t1\t2\ny\t3\t4\n")
        var options = ReaderOptions()
        options.decoding.memoryBudget = MemoryBudget(bytes: 12)
        // Beyond the budget the table goes to an on-disk cache (StoreSpillTests) with the same values.
        let spilled = try DelimitedReader(path: path).load(options: options).matrix
        XCTAssertTrue(spilled is DiskBackedMatrix, "\(type(of: spilled))")
        XCTAssertEqual(spilled.row(1), [3, 4])
        options.decoding.memoryBudget = MemoryBudget(bytes: 16)
        let loaded = try DelimitedReader(path: path).load(options: options).matrix
        XCTAssertTrue(loaded is DenseMatrix, "\(type(of: loaded))")
        XCTAssertEqual(loaded.rowCount, 2)
    }

    /// The format comes from the first bytes; the name is only a hint.
    func testInputFormatDetectsFromContent() throws {
        let tmp = try TemporaryDirectory()
        let vcfText = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\ts1\n"
        let cases: [(name: String, bytes: [UInt8], gzip: Bool, expected: InputFormat)] = [
            ("a.tsv", Array("id\ta\nx\t1\n".utf8), false, .delimited),
            ("a.txt", Array(vcfText.utf8), false, .vcf),                         // VCF whatever the name
            ("b.tsv", [0xef, 0xbb, 0xbf] + Array(vcfText.utf8), false, .vcf),    // with a UTF-8 BOM
            ("a.csv", Array("id,a\nx,1\n".utf8), true, .delimited),
            ("c.dat", Array(vcfText.utf8), true, .vcf),
            ("d.vcf", Array("not a header\n".utf8), false, .vcf),               // the name decides for text that says nothing
        ]
        for c in cases {
            var path = tmp.path(c.name)
            try Data(c.bytes).write(to: URL(fileURLWithPath: path))
            if c.gzip {
                XCTAssertEqual(try GSelProcess.run("gzip", ["-f", path]).status, 0)
                path += ".gz"
            }
            XCTAssertEqual(try InputFormat.detect(path: path), c.expected, path)
        }
        let h5 = tmp.path("plain.tsv")
        try FileManager.default.copyItem(atPath: GSelProcess.testData("h5/plain_sxf.h5"), toPath: h5)
        XCTAssertEqual(try InputFormat.detect(path: h5), .plainHDF5, "HDF5 signature wins over a .tsv name")
        XCTAssertThrowsError(try InputFormat.detect(path: tmp.path("a.txt") + ".missing"))
    }


    // MARK: number parsing against the C library

    func testFieldParsingAgreesWithStrtod() throws {
        var rng = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "1", "0.1", "1e-45", "3.4028235e38", "1.17549435e-38", "123456789012345678901234",
                     "0.000000000000000000000000001234", "9007199254740993", "2.5E+3", ".5", "5.", "+7"]
        for _ in 0 ..< 20_000 {
            let digits = Int.random(in: 1 ... 24, using: &rng)
            var s = Bool.random(using: &rng) ? "-" : ""
            let point = Int.random(in: 0 ... digits, using: &rng)
            for i in 0 ..< digits {
                if i == point && i > 0 { s += "." }
                s += String(Int.random(in: 0 ... 9, using: &rng))
            }
            if Bool.random(using: &rng) { s += "e\(Int.random(in: -40 ... 30, using: &rng))" }
            texts.append(s)
        }
        for text in texts {
            let expected = Float(Double(text)!)
            var t = text
            let got = t.withUTF8 { FieldParsing.cellValue($0) }
            if expected.isFinite {
                XCTAssertEqual(got?.bitPattern, expected.bitPattern, text)
            } else {
                XCTAssertNil(got, text)
            }
        }
        // The same numbers as cells of a file go through the reader's one-pass fast path.
        let finite = texts.filter { Float(Double($0)!).isFinite }
        let tmp = try TemporaryDirectory()
        let header = "id\t" + finite.indices.map { "c\($0)" }.joined(separator: "\t")
        let path = try tmp.write("numbers.tsv", header + "\nrow\t" + finite.joined(separator: "\t") + "\n")
        let row = try DelimitedReader(path: path).load(options: ReaderOptions()).matrix.row(0)
        XCTAssertEqual(row.map(\.bitPattern), finite.map { Float(Double($0)!).bitPattern })
        for bad in ["1e", "--1", "1.2.3", "e5", "0x10", "1,5", "inf", "nan1", "."] {
            var t = bad
            XCTAssertNil(t.withUTF8 { FieldParsing.cellValue($0) }, bad)
        }
    }
}
