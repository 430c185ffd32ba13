import Foundation
import GSelIO
import XCTest
import _TestSupport

/// Covariate files and annotations: layouts (sample_id, PLINK `FID IID`, `#FID IID`,
/// `#IID`, headerless `.eigenvec`), encoding, missing values and the errors that name the
/// file and the place.
final class CovariateTableTests: XCTestCase {
    private typealias S = DelimitedTestSupport
    private let features = ["g1", "g2", "g3"]

    private func encode(_ table: CovariateTable, samples: [String], categorical: [String] = [],
                        required: Bool = false) throws -> EncodedCovariates {
        try table.encode(matrixSampleIDs: samples, rows: Array(samples.indices), featureIDs: features,
                         categorical: categorical, required: required)
    }

    /// Model column `c` over the kept rows.
    private func column(_ e: EncodedCovariates, _ c: Int) -> [Float] { e.rows.map { e.values[c * e.rowCount + $0] } }

    func testNumericAndCategoricalColumnsAreEncodedAgainstTheFirstSortedLevel() throws {
        let tmp = try TemporaryDirectory()
        let path = try tmp.write("cov.tsv", "sample_id\tage\tbatch\tsex\ns1\t31\tb2\tF\ns2\t45.5\tb1\tM\ns3\t52\tb3\tF\ns4\t28\tb2\tM\n")
        let table = try CovariateTable.load(path: path, columns: nil)
        XCTAssertEqual(table.names, ["age", "batch", "sex"])
        let e = try encode(table, samples: ["s4", "s3", "s2", "s1"])
        XCTAssertEqual(e.covariates.map(\.kind), [.numeric, .categorical, .categorical])
        XCTAssertEqual(e.covariates[1].levels, ["b1", "b2", "b3"])
        XCTAssertEqual(e.covariates[1].reference, "b1")
        XCTAssertEqual(e.columnNames, ["age", "batch=b2", "batch=b3", "sex=M"])
        XCTAssertEqual(e.rows, [0, 1, 2, 3])
        XCTAssertEqual(column(e, 0), [28, 52, 45.5, 31])
        XCTAssertEqual(column(e, 1), [1, 0, 0, 1])
        XCTAssertEqual(column(e, 2), [0, 1, 0, 0])
        XCTAssertEqual(column(e, 3), [1, 0, 1, 0])

        // Chosen columns by name and index; a numeric batch code as categories (numeric order).
        let coded = try tmp.write("coded.csv", "id,batch,age\na,10,30\nb,2,40\nc,1,50\nd,2,60\n")
        let chosen = try CovariateTable.load(path: coded, columns: ["3", "batch"])
        XCTAssertEqual(chosen.names, ["age", "batch"])
        let categories = try encode(chosen, samples: ["a", "b", "c", "d"], categorical: ["batch"])
        XCTAssertEqual(categories.columnNames, ["age", "batch=2", "batch=10"])
        XCTAssertEqual(try encode(chosen, samples: ["a", "b", "c", "d"]).columnNames, ["age", "batch"])
    }

    /// PLINK 2 writes `#FID IID PC1 ...` or `#IID PC1 ...`; PLINK 1.9 `FID IID ...` with the
    /// `header` modifier, else no header at all. All are read as they are, ids from IID.
    func testPLINKEigenvecLayouts() throws {
        let tmp = try TemporaryDirectory()
        let rows = [("f1", "a", "0.1", "-0.2"), ("f2", "b", "-0.3", "0.05"), ("f3", "c", "0.2", "0.15")]
        func text(_ header: String?) -> String {
            (header.map { [$0] } ?? []).joined() + rows.map { "\($0.0)\t\($0.1)\t\($0.2)\t\($0.3)\n" }.joined()
        }
        let layouts: [(String, String)] = [
            ("plink2.eigenvec", text("#FID\tIID\tPC1\tPC2\n")),
            ("plink19-header.eigenvec", text("FID IID PC1 PC2\n").replacingOccurrences(of: "\t", with: " ")),
            ("plink19.eigenvec", text(nil).replacingOccurrences(of: "\t", with: " ")),
        ]
        for (name, content) in layouts {
            let table = try CovariateTable.load(path: try tmp.write(name, content), columns: nil)
            XCTAssertEqual(table.sampleColumn, "IID", name)
            XCTAssertEqual(table.names, ["PC1", "PC2"], name)
            XCTAssertEqual(table.sampleIDs, ["a", "b", "c"], name)
            XCTAssertEqual(table.values[0], ["0.1", "-0.3", "0.2"], name)
        }
        let iid = try CovariateTable.load(path: try tmp.write("iid.eigenvec", "#IID\tPC1\tPC2\na\t0.1\t0.2\nb\t-0.1\t0.3\n"), columns: ["PC2"])
        XCTAssertEqual(iid.sampleColumn, "IID")
        XCTAssertEqual(iid.names, ["PC2"])
        // -9 is missing in PLINK layouts only.
        let plink = try CovariateTable.load(path: try tmp.write("c.cov", "FID IID age\nf a -9\nf b 40\n"), columns: nil)
        XCTAssertEqual(plink.values[0], [nil, "40"])
        let plain = try CovariateTable.load(path: try tmp.write("c.tsv", "id\tshift\na\t-9\nb\t4\n"), columns: nil)
        XCTAssertEqual(plain.values[0], ["-9", "4"])
    }

    func testSamplesWithoutCovariatesAreDroppedAndCountedOrRefused() throws {
        let tmp = try TemporaryDirectory()
        let path = try tmp.write("cov.tsv", "sample_id\tage\tbatch\ns1\t31\tb1\ns2\tNA\tb2\ns3\t52\t\ns4\t28\tb2\ns5\t40\tb1\nextra\t1\tb1\n")
        let table = try CovariateTable.load(path: path, columns: nil)
        let samples = ["s1", "s2", "s3", "s4", "s5", "s6"]
        let e = try encode(table, samples: samples)
        XCTAssertEqual(e.rows, [0, 3, 4])
        XCTAssertEqual(e.samplesNotInCovariates, 1)
        XCTAssertEqual(e.samplesWithMissingCovariate, 2)
        XCTAssertTrue(e.values[1 * e.rowCount + 1].isNaN, "dropped rows hold no value")
        XCTAssertTrue(e.notes.contains("1 covariate rows match no sample and are ignored"), "\(e.notes)")
        let absent = S.inputError { _ = try self.encode(table, samples: samples, required: true) }
        XCTAssertTrue(absent.contains("cov.tsv: sample 's6' has no row; --covariates-required"), absent)
        let missing = S.inputError { _ = try self.encode(table, samples: Array(samples.prefix(5)), required: true) }
        XCTAssertTrue(missing.contains("cov.tsv: line 3, column age: sample 's2' has a missing value (2 labelled samples have missing values); --covariates-required"), missing)
        let none = S.inputError { _ = try self.encode(table, samples: ["x1", "x2"]) }
        XCTAssertTrue(none.contains("none of the 6 covariate sample ids matches any of the 2 labelled samples"), none)
    }

    func testBadCovariatesNameFileAndPlace() throws {
        let tmp = try TemporaryDirectory()
        let text = try tmp.write("text.tsv", "sample_id\tage\ns1\t31\ns2\tunknown\ns3\t40\n")
        let m1 = S.inputError { _ = try self.encode(try CovariateTable.load(path: text, columns: nil), samples: ["s1", "s2", "s3"]) }
        XCTAssertTrue(m1.contains("text.tsv: line 3, column age: found 'unknown' in covariate 'age', whose other values include 2 numbers; expected a number or a missing value (NA), or list 'age' in --categorical-covariates"), m1)
        let constant = try tmp.write("constant.tsv", "sample_id\tsex\tage\ns1\tF\t1\ns2\tF\t2\n")
        let m2 = S.inputError { _ = try self.encode(try CovariateTable.load(path: constant, columns: nil), samples: ["s1", "s2"]) }
        XCTAssertTrue(m2.contains("constant.tsv: line 1, column sex: covariate 'sex' has the same value ('F') for all 2 samples used"), m2)
        let clash = try tmp.write("clash.tsv", "sample_id\tage\tg2\ns1\t1\t3\ns2\t2\t4\n")
        let m3 = S.inputError { _ = try self.encode(try CovariateTable.load(path: clash, columns: nil), samples: ["s1", "s2"]) }
        XCTAssertTrue(m3.contains("clash.tsv: line 1, column g2: covariate 'g2' is also a feature id of the input"), m3)
        let m4 = S.inputError { _ = try CovariateTable.load(path: clash, columns: ["age", "height"]) }
        XCTAssertTrue(m4.contains("clash.tsv: line 1: no covariate column 'height' (--covariate-cols); available columns: 'sample_id', 'age', 'g2'"), m4)
        let m5 = S.inputError { _ = try CovariateTable.load(path: clash, columns: ["sample_id"]) }
        XCTAssertTrue(m5.contains("column 'sample_id' identifies samples"), m5)
        let ragged = try tmp.write("ragged.csv", "id,age,bmi\na,1,2\nb,3\n")
        let m6 = S.inputError { _ = try CovariateTable.load(path: ragged, columns: nil) }
        XCTAssertTrue(m6.contains("ragged.csv: line 3: expected 3 fields (header has 3), found 2"), m6)
        let empty = try tmp.write("empty.tsv", "\n")
        let m7 = S.inputError { _ = try CovariateTable.load(path: empty, columns: nil) }
        XCTAssertTrue(m7.contains("empty.tsv: the covariate file is empty"), m7)
        let onlyIDs = try tmp.write("ids.tsv", "#FID\tIID\nf\ta\n")
        let m8 = S.inputError { _ = try CovariateTable.load(path: onlyIDs, columns: nil) }
        XCTAssertTrue(m8.contains("ids.tsv: line 1: no covariate columns"), m8)
        let twice = try tmp.write("twice.tsv", "id\tage\na\t1\na\t2\n")
        let m9 = S.inputError { _ = try CovariateTable.load(path: twice, columns: nil) }
        XCTAssertTrue(m9.contains("twice.tsv: line 3, column id: duplicate sample id 'a' (first on line 2); expected one row per sample in the covariate file"), m9)
    }

    /// h5ad obs columns as covariates: anndata's own reading of pbmc68k's `phase` and
    /// `n_counts` (TestData/h5/pbmc68k_reduced.expected.json) against the encoded columns.
    /// A categorical covariate with one level per sample, and an infinite value, are refused
    /// naming the file and column (issue 24: the F-test's message named neither).
    func testLevelPerSampleAndInfiniteValuesAreRefused() throws {
        let tmp = try TemporaryDirectory()
        let samples = ["s1", "s2", "s3", "s4"]
        let donors = try tmp.write("donor.tsv", "sample_id\tage\tdonor\ns1\t31\td1\ns2\t45\td2\ns3\t52\td3\ns4\t28\td4\n")
        XCTAssertThrowsError(try encode(try CovariateTable.load(path: donors, columns: nil), samples: samples)) { error in
            XCTAssertEqual((error as? InputError)?.description, "\(donors): line 1, column donor: covariate 'donor' has a different value for each of the 4 samples used ('d1', 'd2', ...): as a category it would take 3 model columns, one per sample but one, and explain any phenotype; expected repeated levels (batch, sex), a number, or leave it out (--covariate-cols)")
        }
        let repeated = try tmp.write("batch.tsv", "sample_id\tdonor\ns1\td1\ns2\td2\ns3\td1\ns4\td3\n")
        XCTAssertEqual(try encode(try CovariateTable.load(path: repeated, columns: nil), samples: samples).columnNames,
                       ["donor=d2", "donor=d3"])
        let infinite = try tmp.write("inf.tsv", "sample_id\tage\ns1\t31\ns2\tinf\ns3\t52\ns4\t28\n")
        XCTAssertThrowsError(try encode(try CovariateTable.load(path: infinite, columns: nil), samples: samples)) { error in
            XCTAssertEqual((error as? InputError)?.description, "\(infinite): line 3, column age: found 'inf' in covariate 'age', expected a finite number (empty, NA or NaN mark a missing value)")
        }
    }

    func testAnnDataObsColumnsAsCovariates() throws {
        let path = GSelProcess.testData("pbmc68k/pbmc68k_reduced.h5ad")
        let matrix = try InputFormat.reader(for: path).load(options: ReaderOptions())
        let table = try CovariateTable.annotations(["phase", "n_counts"], of: matrix, file: path)
        let all = Array(matrix.sampleIDs.indices)
        let e = try table.encode(matrixSampleIDs: matrix.sampleIDs, rows: all, featureIDs: matrix.features.map(\.id))
        XCTAssertEqual(e.covariates.map(\.kind), [.categorical, .numeric])
        let pandas = try S.python("""
            import sys, json, anndata
            obs = anndata.read_h5ad(sys.argv[1], backed="r").obs
            print(json.dumps({"levels": sorted(obs["phase"].astype(str).unique()),
                              "g2m": [int(v == "G2M") for v in obs["phase"].astype(str)],
                              "counts": [float(v) for v in obs["n_counts"]]}))
            """, [path])
        let reference = try JSONSerialization.jsonObject(with: Data(pandas.utf8)) as! [String: Any]
        XCTAssertEqual(e.covariates[0].levels, reference["levels"] as! [String])
        XCTAssertEqual(e.columnNames, ["phase=G2M", "phase=S", "n_counts"])
        XCTAssertEqual(column(e, 0).map { Int($0) }, (reference["g2m"] as! [Any]).map { ($0 as! NSNumber).intValue })
        for (a, b) in zip(column(e, 2), (reference["counts"] as! [Any]).map { ($0 as! NSNumber).doubleValue }) { XCTAssertEqual(Double(a), b, accuracy: 1e-3 * b) }
        let m = S.inputError { _ = try CovariateTable.annotations(["batch"], of: matrix, file: path) }
        XCTAssertTrue(m.contains("no sample annotation 'batch' for --covariate-keys; available obs columns:"), m)
    }
}
