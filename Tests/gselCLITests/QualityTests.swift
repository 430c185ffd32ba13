import Foundation
import XCTest
import _TestSupport

/// Held-out quality on real data against the marginal baseline (issue: selection engine).
/// The default run with a fixed 50 complementary pairs (`--repeats auto` runs up to 100 on
/// these cohorts, which changes only the Monte Carlo noise of the list, docs/adaptive-repeats.md,
/// and would double the suite's longest test; the adaptive rule has its own tests) on a 30 % stratified
/// hold-out, balanced accuracy at k = 20, mean over eight seeds (eight different splits):
/// Sequential Attention is not worse than the univariate baseline by more than 0.02.
/// A single split is too small to judge: Golub's hold-out has 11 samples (one sample moves
/// balanced accuracy by 0.06–0.17), pbmc's rarest types have 2–4 held-out cells.
final class QualityTests: XCTestCase {
    static let seeds = 1 ... 8

    func meanBalancedAccuracy(_ args: [String], k: Int) throws -> (gsel: Double, marginal: Double) {
        let dir = try TemporaryDirectory()
        var g = 0.0, m = 0.0
        for seed in Self.seeds {
            let out = dir.path("s\(seed)")
            let r = try GSelProcess.gsel(args + ["--k", "\(k)", "--repeats", "50", "--validation-fraction", "0.3",
                                                 "--seed", "\(seed)", "--out", out, "--quiet"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let rows = try OutputFiles.tsv(out + "/evaluation.tsv").filter { $0["k"] == "\(k)" }
            g += Double(try XCTUnwrap(rows.first { $0["method"] == "gsel-sa" })["balanced_accuracy"]!)!
            m += Double(try XCTUnwrap(rows.first { $0["method"] == "marginal" })["balanced_accuracy"]!)!
        }
        return (g / Double(Self.seeds.count), m / Double(Self.seeds.count))
    }

    func testPBMCNotWorseThanMarginal() throws {
        let h5ad = GSelProcess.testData("pbmc68k/pbmc68k_reduced.h5ad")
        let r = try meanBalancedAccuracy(["--input", h5ad, "--label-key", "bulk_labels"], k: 20)
        XCTAssertGreaterThanOrEqual(r.gsel, r.marginal - 0.02, "pbmc k=20: gsel \(r.gsel) vs marginal \(r.marginal)")
        // An absolute floor, so that a broken evaluation cannot pass by breaking both (10
        // types: chance is about 0.1; Benchmarks/README.md measures 0.6-0.65).
        XCTAssertGreaterThanOrEqual(r.gsel, 0.55, "pbmc k=20: gsel \(r.gsel)")
    }

    /// Golub's stability halves have about 13 samples, so every fit trains on a full batch
    /// and the automatic logit optimizer keeps gradient sizes (shared scale); with
    /// per-coordinate Adam the same runs reach 0.846 against 0.943.
    ///
    /// The tolerance is wider than pbmc's because 12 held-out samples make each split's
    /// score move by 0.06-0.17 per sample: the per-split differences to the baseline spread
    /// by about ±0.1, so the standard error of the 8-split mean difference is about 0.035.
    /// Measured on these 8 splits: ranked by raw feature frequency 0.951, by substitute slots
    /// (|r| >= 0.75; the default) 0.896, by slots at |r| >= 0.9 0.901, marginal 0.922; on
    /// Benchmarks/quality.py's five other splits the slots give 0.989 against the F-test's
    /// 0.967 (docs/consensus-ranking.md). 0.05 (about 1.5 standard errors) still fails a
    /// ranking that is clearly worse, e.g. per-coordinate Adam's 0.846.
    func testGolubNotWorseThanMarginal() throws {
        let r = try meanBalancedAccuracy(["--input", GSelProcess.testData("golub/golub.expr.tsv.gz"),
                                          "--labels", GSelProcess.testData("golub/golub.labels.tsv"),
                                          "--label-col", "label"], k: 20)
        XCTAssertGreaterThanOrEqual(r.gsel, r.marginal - 0.05, "Golub k=20: gsel \(r.gsel) vs marginal \(r.marginal)")
        // An absolute floor (chance 0.5; every method measured scores 0.85-1 here).
        XCTAssertGreaterThanOrEqual(r.gsel, 0.8, "Golub k=20: gsel \(r.gsel)")
    }
}
