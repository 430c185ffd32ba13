import Foundation
import GSelIO
import XCTest
import _TestSupport

final class LabelTableTests: XCTestCase {
    private typealias S = DelimitedTestSupport


    private func classes(_ a: AlignedLabels, file: StaticString = #filePath, line: UInt = #line) -> (codes: [Int32], names: [String]) {
        guard case .classes(let codes, let names) = a.target else {
            XCTFail("expected classes, got \(a.target)", file: file, line: line)
            return ([], [])
        }
        return (codes, names)
    }

    private func regressionValues(_ a: AlignedLabels, file: StaticString = #filePath, line: UInt = #line) -> [Float] {
        guard case .values(let v) = a.target else {
            XCTFail("expected regression values, got \(a.target)", file: file, line: line)
            return []
        }
        return v
    }

    /// `value -> count` of a pandas column (NA dropped), keys as pandas prints them.
    private func pandasCounts(_ path: String, column: String) throws -> [String: Int] {
        let out = try S.python("""
        import sys, json, pandas as pd
        s = pd.read_csv(sys.argv[1], sep=None, engine='python')[sys.argv[2]].dropna()
        if s.dtype.kind == 'f' and (s == s.round()).all(): s = s.astype(int)
        print(json.dumps({str(k): int(v) for k, v in s.value_counts().items()}))
        """, [path, column])
        return try JSONDecoder().decode([String: Int].self, from: Data(out.utf8))
    }

    /// A regression target must vary and be finite; NaN is a missing label (issue 24).
    func testRegressionTargetMustVaryAndBeFinite() throws {
        let ids = ["s1", "s2", "s3", "s4"]
        func table(_ values: [String]) -> LabelTable {
            LabelTable(source: "y.tsv", sampleColumn: "sample_id", labelColumn: "bmi", sampleIDs: ids, rawValues: values, lines: [2, 3, 4, 5])
        }
        XCTAssertThrowsError(try table(["2.5", "2.50", "NaN", "2.5"]).align(to: ids, task: .regression)) { error in
            XCTAssertEqual((error as? InputError)?.description,
                           "y.tsv: column bmi: every labelled sample has the value '2.5' (3 samples); a regression target must vary (is this the label column?)")
        }
        XCTAssertThrowsError(try table(["1", "-inf", "2", "3"]).align(to: ids, task: .regression)) { error in
            XCTAssertEqual((error as? InputError)?.description,
                           "y.tsv: line 3, column bmi: found '-inf', expected a finite number for a regression target (empty, NA or NaN mark a missing label)")
        }
        let aligned = try table(["2.5", "nan", "3", "NA"]).align(to: ids, task: .regression)
        XCTAssertEqual(regressionValues(aligned), [2.5, 3])
        XCTAssertEqual(aligned.rows, [0, 2])
        XCTAssertEqual(aligned.samplesWithMissingLabel, 2)
    }

    // MARK: Golub

    func testGolubNeedsLabelColumnThenGivesALLAndAML() throws {
        let path = S.golubLabels
        let message = S.inputError { _ = try LabelTable.load(path: path) }
        XCTAssertTrue(message.contains(path) && message.contains("'label', 'golub_cl'") && message.contains("--label-col"), message)

        let matrix = try DelimitedReader(path: S.golubExpression).load(options: ReaderOptions())
        let table = try LabelTable.load(path: path, labelColumn: "label")
        XCTAssertEqual(table.sampleColumn, "sample_id")
        let aligned = try table.align(to: matrix.sampleIDs)
        XCTAssertEqual(aligned.task, .classification)
        XCTAssertEqual(aligned.rows, Array(0 ..< 38))
        let (codes, names) = classes(aligned)
        let expected = try pandasCounts(path, column: "label")
        XCTAssertEqual(names, expected.keys.sorted())
        XCTAssertEqual(Dictionary(grouping: codes, by: { names[Int($0)] }).mapValues(\.count), expected)
        XCTAssertEqual(expected, ["ALL": 27, "AML": 11])

        // golub_cl (by 1-based index) holds the same split as integer classes.
        let byIndex = try LabelTable.load(path: path, labelColumn: "3").align(to: matrix.sampleIDs)
        XCTAssertEqual(classes(byIndex).names, ["0", "1"])
        XCTAssertEqual(classes(byIndex).codes, codes)
    }

    // MARK: hs1940 phenotypes

    func testHS1940PhenotypesAgainstAwkAndPandas() throws {
        let pheno = GSelProcess.testData("hs1940/hs1940_mouse.pheno.tsv")
        let vcf = GSelProcess.testData("hs1940/hs1940_mouse.vcf.gz")
        // The genotype samples (via bcftools), minus the first ten, plus three unknown ids.
        let vcfSamples = try S.shell("bcftools query -l '\(vcf)'").split(separator: "\n").map(String.init)
        let samples = Array(vcfSamples.dropFirst(10)) + ["extra1", "extra2", "extra3"]
        func awkCount(_ program: String) throws -> Int {
            Int(try S.shell("tail -n +12 '\(pheno)' | awk -F'\\t' '\(program)'").trimmingCharacters(in: .whitespacesAndNewlines))!
        }

        let p1 = try LabelTable.load(path: pheno, labelColumn: "pheno1").align(to: samples)
        XCTAssertEqual(p1.task, .regression)
        XCTAssertEqual(p1.samplesWithMissingLabel, try awkCount("$2==\"NA\"{n++} END{print n+0}"))
        XCTAssertEqual(p1.rows.count, try awkCount("$2!=\"NA\"{n++} END{print n+0}"))
        XCTAssertEqual(p1.samplesNotInLabels, 3)
        XCTAssertEqual(p1.labelsWithoutSample, 10)
        let tmp = try TemporaryDirectory()
        _ = try S.python("""
        import sys, pandas as pd
        s = pd.read_csv(sys.argv[1], sep='\\t')['pheno1'].iloc[10:].dropna()
        s.values.astype('<f4').tofile(sys.argv[2])
        """, [pheno, tmp.path("p1.f32")])
        XCTAssertTrue(S.sameValues(regressionValues(p1), try S.float32File(tmp.path("p1.f32"))))

        let p4 = try LabelTable.load(path: pheno, labelColumn: "pheno4").align(to: samples)
        XCTAssertEqual(p4.task, .classification)
        XCTAssertEqual(p4.samplesWithMissingLabel, try awkCount("$5==\"NA\"{n++} END{print n+0}"))
        let (codes, names) = classes(p4)
        XCTAssertEqual(names, ["0", "1"])
        XCTAssertEqual(codes.filter { $0 == 0 }.count, try awkCount("$5==0.0 && $5!=\"NA\"{n++} END{print n+0}"))
        XCTAssertEqual(codes.filter { $0 == 1 }.count, try awkCount("$5==1.0{n++} END{print n+0}"))

        // Matching the label file's own ids aligns every row.
        let all = try LabelTable.load(path: pheno, labelColumn: "pheno4")
        let full = try all.align(to: all.sampleIDs)
        XCTAssertEqual(full.rows.count + full.samplesWithMissingLabel, 1940)
        XCTAssertEqual(all.missingCount, try pandasCountNA(pheno, column: "pheno4"))
    }

    private func pandasCountNA(_ path: String, column: String) throws -> Int {
        let out = try S.python("import sys, pandas as pd; print(int(pd.read_csv(sys.argv[1], sep='\\t')[sys.argv[2]].isna().sum()))",
                               [path, column])
        return Int(out.trimmingCharacters(in: .whitespacesAndNewlines))!
    }

    // MARK: formats and missing values

    func testPLINKPhenotypeFile() throws {
        let tmp = try TemporaryDirectory()
        let path = try tmp.write("p.pheno", """
        FID IID  trait
        f1  a    1.5
        f2  b    -9
        f3  c    NA
          f4\td\t2.25
        """)
        let table = try LabelTable.load(path: path)
        XCTAssertTrue(table.isPLINK)
        XCTAssertEqual(table.sampleColumn, "IID")
        XCTAssertEqual(table.labelColumn, "trait")
        XCTAssertEqual(table.sampleIDs, ["a", "b", "c", "d"])
        XCTAssertEqual(table.values, ["1.5", nil, nil, "2.25"])
        let aligned = try table.align(to: ["d", "c", "b", "a"], task: .regression)
        XCTAssertEqual(aligned.rows, [0, 3])
        XCTAssertEqual(regressionValues(aligned), [2.25, 1.5])
        XCTAssertEqual(aligned.samplesWithMissingLabel, 2)

        let many = try tmp.write("many.pheno", "#FID\tIID\tp1\tp2\nf\ta\t1\t2\n")
        let message = S.inputError { _ = try LabelTable.load(path: many) }
        XCTAssertTrue(message.contains("2 possible label columns: 'p1', 'p2'") && message.contains("--label-col"), message)
        XCTAssertEqual(try LabelTable.load(path: many, labelColumn: "p2").values, ["2"])
    }

    func testMinusNineIsMissingOnlyInNumericColumns() throws {
        let tmp = try TemporaryDirectory()
        let numeric = try tmp.write("n.csv", "id,y\ns1,-9\ns2,3\ns3,\ns4,4\n")
        XCTAssertEqual(try LabelTable.load(path: numeric).values, [nil, "3", nil, "4"])
        let text = try tmp.write("t.tsv", "id\ty\ns1\t-9\ns2\tcase\ns3\tNaN\n")
        XCTAssertEqual(try LabelTable.load(path: text).values, ["-9", "case", nil])
    }

    func testQuotedCSVLabels() throws {
        let tmp = try TemporaryDirectory()
        let path = try tmp.write("l.csv", "\"sample\",\"cell type\"\n\"s1\",\"T cell, CD4\"\n\"s2\",\"B cell\"\n\"s3\",\"B cell\"\n\"s4\",\"T cell, CD4\"\n")
        let table = try LabelTable.load(path: path, labelColumn: "cell type")
        XCTAssertEqual(table.values, ["T cell, CD4", "B cell", "B cell", "T cell, CD4"])
        let a = try table.align(to: ["s1", "s2", "s3", "s4"])
        XCTAssertEqual(classes(a).names, ["B cell", "T cell, CD4"])
        XCTAssertEqual(classes(a).codes, [1, 0, 0, 1])
    }

    // MARK: task detection

    func testAutoTaskRules() throws {
        let tmp = try TemporaryDirectory()
        func table(_ values: [String]) throws -> LabelTable {
            let rows = values.enumerated().map { "s\($0)\t\($1)" }.joined(separator: "\n")
            return try LabelTable.load(path: try tmp.write("t\(values.count)-\(values[0]).tsv", "id\ty\n" + rows + "\n"))
        }
        let ints = try table((0 ..< 40).map { String($0 % 20) })
        XCTAssertEqual(try ints.align(to: ints.sampleIDs).task, .classification)
        let moreInts = try table((0 ..< 42).map { String($0 % 21) })
        XCTAssertEqual(try moreInts.align(to: moreInts.sampleIDs).task, .regression)
        let reals = try table(["0.5", "1.5", "0.5", "2", "1.5", "2"])
        XCTAssertEqual(try reals.align(to: reals.sampleIDs).task, .regression)
        let forced = try reals.align(to: reals.sampleIDs, task: .classification)
        XCTAssertEqual(classes(forced).names, ["0.5", "1.5", "2"])

        let words = try table((0 ..< 50).map { "type\($0 % 25)" })
        let m1 = S.inputError { _ = try words.align(to: words.sampleIDs) }
        XCTAssertTrue(m1.contains("line 2, column y: found 'type0', expected a number") && m1.contains("--task classification"), m1)
        XCTAssertEqual(classes(try words.align(to: words.sampleIDs, task: .classification)).names.count, 25)

        let mixed = try table(["1.5", "2.5", "oops", "3"])
        let m2 = S.inputError { _ = try mixed.align(to: mixed.sampleIDs, task: .regression) }
        XCTAssertTrue(m2.contains("line 4, column y: found 'oops', expected a number for a regression target"), m2)

        let single = try table(["x", "x"])
        let m3 = S.inputError { _ = try single.align(to: single.sampleIDs) }
        XCTAssertTrue(m3.contains("at least two classes"), m3)
    }

    // MARK: annotations

    func testAnnotationColumnGivesTheSameKindOfLabels() throws {
        let matrix = LoadedMatrix(kind: .anndata, format: "h5ad", sampleIDs: ["c1", "c2", "c3", "c1", "c5", "c6"],
                                  features: [FeatureInfo(id: "g")],
                                  matrix: DenseMatrix(rows: 6, columns: 1, values: [1, 2, 3, 4, 5, 6]),
                                  sampleAnnotations: ["cell_type": ["B", nil, "T", "NA", "B", "T"], "louvain": ["1", "2", "1", "2", "1", "2"]])
        let table = try LabelTable.annotation("cell_type", of: matrix, file: "x.h5ad")
        let a = try table.align(to: matrix.sampleIDs)
        XCTAssertEqual(a.rows, [0, 2, 4, 5])
        XCTAssertEqual(classes(a).names, ["B", "T"])
        XCTAssertEqual(a.samplesWithMissingLabel, 2)
        let message = S.inputError { _ = try LabelTable.annotation("bulk", of: matrix, file: "x.h5ad") }
        XCTAssertTrue(message.contains("x.h5ad") && message.contains("'bulk'") && message.contains("cell_type, louvain"), message)
    }

    // MARK: bad label files

    func testBadLabelFiles() throws {
        let tmp = try TemporaryDirectory()
        let dup = try tmp.write("dup.tsv", "id\ty\ns1\ta\ns2\tb\n\ns1\tc\n")
        let m1 = S.inputError { _ = try LabelTable.load(path: dup) }
        XCTAssertTrue(m1.contains("\(dup): line 5, column id: duplicate sample id 's1' (first on line 2)"), m1)

        let one = try tmp.write("one.tsv", "id\ns1\n")
        let m2 = S.inputError { _ = try LabelTable.load(path: one) }
        XCTAssertTrue(m2.contains("no label column") && m2.contains("'id'"), m2)

        let named = try tmp.write("named.tsv", "id\ty\tz\ns1\ta\tb\n")
        let m3 = S.inputError { _ = try LabelTable.load(path: named, labelColumn: "cls") }
        XCTAssertTrue(m3.contains("no label column 'cls' (--label-col); available columns: 'id', 'y', 'z'"), m3)
        let m4 = S.inputError { _ = try LabelTable.load(path: named, sampleColumn: "9", labelColumn: "y") }
        XCTAssertTrue(m4.contains("no sample id column '9'"), m4)

        let ragged = try tmp.write("ragged.tsv", "id\ty\ns1\ta\ns2\n")
        let m5 = S.inputError { _ = try LabelTable.load(path: ragged) }
        XCTAssertTrue(m5.contains("\(ragged): line 3: expected 2 fields (header has 2), found 1"), m5)

        let empty = try tmp.write("empty.tsv", "")
        XCTAssertTrue(S.inputError { _ = try LabelTable.load(path: empty) }.contains("empty"))
        let headerOnly = try tmp.write("h.tsv", "id\ty\n")
        XCTAssertTrue(S.inputError { _ = try LabelTable.load(path: headerOnly) }.contains("no rows"))
    }

    func testNoOverlapShowsExamplesOfBothIDSets() throws {
        let tmp = try TemporaryDirectory()
        let path = try tmp.write("l.tsv", "id\ty\n" + (1 ... 7).map { "L\($0)\tA" }.joined(separator: "\n") + "\n")
        let table = try LabelTable.load(path: path)
        let message = S.inputError { _ = try table.align(to: (1 ... 8).map { "M\($0)" }) }
        XCTAssertTrue(message.contains(path), message)
        XCTAssertTrue(message.contains("'L1', 'L2', 'L3', 'L4', 'L5', ...") && !message.contains("'L6'"), message)
        XCTAssertTrue(message.contains("'M1', 'M2', 'M3', 'M4', 'M5', ..."), message)

        let allMissing = try tmp.write("na.tsv", "id\ty\nM1\tNA\nM2\t\n")
        let m2 = S.inputError { _ = try LabelTable.load(path: allMissing).align(to: ["M1", "M2", "M3"]) }
        XCTAssertTrue(m2.contains("missing label"), m2)
    }

    func testLabelIDsDriveMatrixLayoutDetection() throws {
        let tmp = try TemporaryDirectory()
        let matrixPath = try tmp.write("genes.tsv", "gene\tsA\tsB\tsC\tsD\ng1\t1\t2\t3\t7\ng2\t4\t5\t6\t8\n")
        let labels = try LabelTable.load(path: try tmp.write("l.tsv", "sample\tgroup\nsA\tx\nsB\ty\nsC\tx\nsD\ty\n"))
        var options = ReaderOptions()
        options.labelSampleIDs = Set(labels.sampleIDs)
        let m = try DelimitedReader(path: matrixPath).load(options: options)
        XCTAssertEqual(m.sampleIDs, ["sA", "sB", "sC", "sD"])
        XCTAssertEqual(m.matrix.row(1), [2, 5])
        let a = try labels.align(to: m.sampleIDs)
        XCTAssertEqual(classes(a).codes, [0, 1, 0, 1])
    }
}
