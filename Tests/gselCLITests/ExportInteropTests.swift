import Foundation
import XCTest
import _TestSupport

/// `gsel export` shows what gsel decodes; it must equal what the real libraries decode:
/// anndata/loompy/h5py (expected TSVs written by scripts/make_h5_fixtures.py) and bcftools.
final class ExportInteropTests: XCTestCase {
    /// Parses a samples-by-features TSV into ids and values (NA = NaN).
    func table(_ text: String) -> (header: [String], rows: [(String, [Float])]) {
        let lines = text.split(separator: "\n")
        let header = lines[0].split(separator: "\t").dropFirst().map(String.init)
        let rows = lines.dropFirst().map { line -> (String, [Float]) in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (String(f[0]), f.dropFirst().map { $0 == "NA" ? Float.nan : Float($0)! })
        }
        return (header, rows)
    }

    func testExportEqualsAnndataLoompyAndH5pyReadBack() throws {
        let dir = GSelProcess.testData("h5")
        let fixtures = ["ad_dense_f32.h5ad", "ad_csr_f64_i64.h5ad", "ad_csc_int_gzip.h5ad", "ad_csr_unsorted.h5ad",
                        "ad_legacy_h5sparse.h5ad", "ad_legacy_compound.h5ad", "tenx_v2.h5", "tenx_v3.h5", "loom_layers.loom"]
        for name in fixtures {
            let stem = name.split(separator: ".").first!
            let r = try GSelProcess.gsel(["export", "--input", "\(dir)/\(name)", "--out", "-", "--quiet"])
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            let got = table(r.stdout)
            let want = table(try String(contentsOfFile: "\(dir)/\(stem).expected.tsv", encoding: .utf8))
            XCTAssertEqual(got.header, want.header, name)
            XCTAssertEqual(got.rows.map(\.0), want.rows.map(\.0), name)
            for (g, w) in zip(got.rows, want.rows) {
                XCTAssertEqual(g.1.count, w.1.count)
                for (a, b) in zip(g.1, w.1) where !(a.isNaN && b.isNaN) { XCTAssertEqual(a, b, "\(name) \(g.0)") }
            }
        }
    }

    /// Every dosage of hs1940 (1940 mice x the variants gsel keeps) against `bcftools query`.
    func testVCFExportEqualsBcftoolsGenotypes() throws {
        let vcf = GSelProcess.testData("hs1940/hs1940_mouse.vcf.gz")
        let r = try GSelProcess.gsel(["export", "--input", vcf, "--out", "-", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let got = table(r.stdout)
        let q = try GSelProcess.run("bcftools", ["query", "-f", "%CHROM:%POS:%REF:%ALT[\t%GT]\n", vcf])
        XCTAssertEqual(q.status, 0, q.stderr)
        let samples = try GSelProcess.run("bcftools", ["query", "-l", vcf]).stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(got.rows.map(\.0), samples)
        var column: [String: Int] = [:]
        for (j, id) in got.header.enumerated() { column[id] = j }
        var checked = 0
        for line in q.stdout.split(separator: "\n") {
            let f = line.split(separator: "\t")
            guard let j = column[String(f[0])] else { continue }
            for (i, gt) in f.dropFirst().enumerated() {
                // Independent mapping: count non-REF alleles; any missing allele -> missing.
                let alleles = gt.split(whereSeparator: { $0 == "/" || $0 == "|" })
                let expected: Float = alleles.contains(".") ? .nan : Float(alleles.filter { $0 != "0" }.count)
                let value = got.rows[i].1[j]
                if expected.isNaN { XCTAssertTrue(value.isNaN) } else { XCTAssertEqual(value, expected) }
                checked += 1
            }
        }
        XCTAssertEqual(checked, got.header.count * samples.count, "every exported call was compared")
        XCTAssertEqual(got.header.count, 10300 - 1014, "the 1014 monomorphic ALT '.' sites are dropped")
    }
}
