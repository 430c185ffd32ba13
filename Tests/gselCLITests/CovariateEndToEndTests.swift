import Foundation
import XCTest
import _TestSupport

/// `--covariates` end to end: the planted confounding run records the covariates in
/// run.json, the report and evaluation.tsv; hs1940 with PLINK 2's principal components
/// (the `.eigenvec` as PLINK writes it) gives PLINK 2 `--glm`'s statistics; bad covariate
/// input fails with the file and the place.
final class CovariateEndToEndTests: XCTestCase {
    private var dir: TemporaryDirectory!
    private var planted: PlantedConfounding!
    private var base: [String] = []
    private var covariates = ""

    override func setUpWithError() throws {
        dir = try TemporaryDirectory()
        planted = PlantedConfounding()
        let (matrix, labels, covariates) = planted.tsv()
        self.covariates = try dir.write("cov.tsv", covariates)
        base = ["--input", try dir.write("x.tsv", matrix), "--labels", try dir.write("y.tsv", labels), "--k", "6", "--repeats", "0"]
    }

    func testPlantedRunRecordsTheCovariates() throws {
        let out = dir.path("out")
        let r = try GSelProcess.gsel(base + ["--covariates", covariates, "--out", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("covariates: batch categorical (3 levels, reference b1); age numeric from \(covariates); 3 model columns"), r.stderr)
        let ranking = try OutputFiles.tsv(out + "/ranking.tsv").map { Int($0["feature_id"]!.dropFirst())! }
        XCTAssertTrue(Set(ranking).isSuperset(of: planted.trueFeatures), "\(ranking)")
        XCTAssertTrue(Set(ranking).isDisjoint(with: planted.batchGenes), "\(ranking)")

        let evaluation = try OutputFiles.tsv(out + "/evaluation.tsv")
        XCTAssertEqual(evaluation.last?["method"], "covariates")
        XCTAssertEqual(evaluation.last?["k"], "0")
        let alone = Double(evaluation.last!["auroc"]!)!
        let withFeatures = Double(evaluation.first { $0["method"] == "gsel-sa" && $0["k"] == "6" }!["auroc"]!)!
        XCTAssertGreaterThan(withFeatures, alone + 0.05, "the true features add to batch and age")

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let record = json["covariates"] as! [String: Any]
        XCTAssertEqual(record["model_columns"] as? Int, 3)
        let list = record["covariates"] as! [[String: Any]]
        XCTAssertEqual(list.map { $0["name"] as! String }, ["batch", "age"])
        XCTAssertEqual(list[0]["type"] as? String, "categorical")
        XCTAssertEqual(list[0]["reference"] as? String, "b1")
        XCTAssertEqual(list[0]["columns"] as? [String], ["batch=b2", "batch=b3"])
        XCTAssertEqual(list[1]["type"] as? String, "numeric")
        let parameters = (json["parameters"] as! [String: Any])["input"] as! [String: Any]
        XCTAssertEqual((parameters["covariates"] as! [String: Any])["file"] as? String, covariates)
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        XCTAssertTrue(report.contains("Covariates (in every fit, never ranked)"))
        XCTAssertTrue(report.contains("categorical, 3 levels, one-hot against reference level &#39;b1&#39;"))
        XCTAssertTrue(report.contains("covariates only"), "the covariates-only reference line")
    }

    /// hs1940 pheno1 with the first 4 principal components from `plink2 --pca 4`, read as
    /// PLINK writes them (`#IID PC1 ...`, and the `FID IID ...` layout of PLINK 1.9): the
    /// marginal ranking and statistics are PLINK 2's `--glm` t tests with the PCs as covariates.
    func testHS1940WithPLINK2PrincipalComponentsMatchesPLINK2GLM() throws {
        let vcf = GSelProcess.testData("hs1940/hs1940_mouse.vcf.gz"), pheno = GSelProcess.testData("hs1940/hs1940_mouse.pheno.tsv")
        let plink = ["--vcf", vcf, "--chr-set", "19", "--threads", "1"]
        let pca = try GSelProcess.run("plink2", plink + ["--pca", "4", "--out", dir.path("hs")])
        XCTAssertEqual(pca.status, 0, "plink2 --pca (Debian package plink2, installed by scripts/setup.sh --test): \(pca.stderr)")
        let eigenvec = dir.path("hs.eigenvec")
        XCTAssertTrue(try String(contentsOfFile: eigenvec, encoding: .utf8).hasPrefix("#IID\tPC1\tPC2\tPC3\tPC4\n"))
        // PLINK's phenotype layout for --glm: #IID pheno1, NA missing.
        let rows = try String(contentsOfFile: pheno, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let plinkPheno = try dir.write("pheno1.txt", "#IID\tpheno1\n" + rows.map { "\($0[0])\t\($0[1])\n" }.joined())
        let glm = try GSelProcess.run("plink2", plink + ["--pheno", plinkPheno, "--covar", eigenvec, "--glm", "hide-covar",
                                                        "--out", dir.path("glm")])
        XCTAssertEqual(glm.status, 0, glm.stderr)
        // The table's header starts with '#CHROM'.
        let table = try String(contentsOfFile: dir.path("glm.pheno1.glm.linear"), encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: "\t").map(String.init) }
        let column = Dictionary(uniqueKeysWithValues: table[0].enumerated().map { ($1, $0) })
        var plinkT: [String: Double] = [:]
        for t in table.dropFirst() { if let v = Double(t[column["T_STAT"]!]) { plinkT[t[column["ID"]!]] = abs(v) } }
        let samples = Int(table[1][column["OBS_CT"]!])!

        let k = 10
        var rankings: [Data] = []
        for (name, file) in [("plink2", eigenvec), ("plink1.9", try dir.write("fid.eigenvec", try String(contentsOfFile: eigenvec, encoding: .utf8)
                .split(separator: "\n").enumerated().map { $0 == 0 ? "FID IID PC1 PC2 PC3 PC4" : "0 " + $1.replacingOccurrences(of: "\t", with: " ") }
                .joined(separator: "\n") + "\n"))] {
            let out = dir.path("gsel-\(name)")
            let r = try GSelProcess.gsel(["--input", vcf, "--labels", pheno, "--label-col", "pheno1", "--covariates", file,
                                          "--method", "marginal", "--repeats", "0", "--validation-fraction", "0",
                                          "--k", "\(k)", "--out", out, "--quiet"])
            XCTAssertEqual(r.status, 0, r.stderr)
            rankings.append(try Data(contentsOf: URL(fileURLWithPath: out + "/ranking.tsv")))
        }
        XCTAssertEqual(rankings[0], rankings[1], "both .eigenvec layouts give the same ranking")
        let ranking = try OutputFiles.tsv(dir.path("gsel-plink2/ranking.tsv"))
        // |t| of the variant in y ~ 1 + x + 4 PCs from the partial correlation r: t² = r² (n − 6) / (1 − r²).
        let degrees = Double(samples - 2 - 4)
        let ours = ranking.map { row -> (id: String, t: Double) in
            let r = Double(row["abs_correlation"]!)!
            return (row["feature_name"]!, r * (degrees / (1 - r * r)).squareRoot())
        }
        for (id, t) in ours { XCTAssertEqual(t, plinkT[id]!, accuracy: 2e-3 * t, id) }
        let plinkTop = plinkT.values.sorted(by: >).prefix(k)
        for (a, b) in zip(ours.map(\.t), plinkTop) { XCTAssertEqual(a, b, accuracy: 2e-3 * b, "the top \(k) |t| of PLINK 2") }
    }

    /// Runs gsel with these extra arguments and checks the failure contract (non-zero exit,
    /// one error line with every mention, no output directory).
    private func expectFailure(_ extra: [String], mentions: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let out = dir.path("out-\(UUID().uuidString)")
        let r = try GSelProcess.gsel(base + extra + ["--out", out])
        XCTAssertNotEqual(r.status, 0, "expected failure", file: file, line: line)
        XCTAssertEqual(r.stderr.split(separator: "\n").filter { $0.lowercased().contains("error") }.count, 1, r.stderr, file: file, line: line)
        for m in mentions { XCTAssertTrue(r.stderr.contains(m), "stderr should mention '\(m)': \(r.stderr)", file: file, line: line) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "no output left behind", file: file, line: line)
    }

    func testBadCovariateInputFailsWithFileAndPlace() throws {
        // The planted covariate file with one line changed, or a column added.
        let lines = try String(contentsOfFile: covariates, encoding: .utf8).split(separator: "\n").map(String.init)
        func variant(_ name: String, header: String? = nil, _ change: (Int, String) -> String) throws -> String {
            try dir.write(name, ([header ?? lines[0]] + lines.dropFirst().enumerated().map { change($0 + 1, $1) })
                .joined(separator: "\n") + "\n")
        }
        let withText = try variant("text.tsv") { $0 == 8 ? "s7\tb1\tunknown" : $1 }
        try expectFailure(["--covariates", withText], mentions: ["text.tsv: line 9, column age: found 'unknown'", "--categorical-covariates"])
        let constant = try variant("constant.tsv", header: lines[0] + "\tsex") { $1 + "\tF" }
        try expectFailure(["--covariates", constant], mentions: ["constant.tsv: line 1, column sex: covariate 'sex' has the same value ('F')"])
        let clash = try variant("clash.tsv", header: "sample_id\tbatch\tf12") { $1 }
        try expectFailure(["--covariates", clash], mentions: ["clash.tsv: line 1, column f12: covariate 'f12' is also a feature id"])
        let missing = try variant("missing.tsv") { $0 == 6 ? "s5\tNA\t40" : $1 }
        try expectFailure(["--covariates", missing, "--covariates-required"],
                          mentions: ["missing.tsv: line 7, column batch: sample 's5' has a missing value"])
        try expectFailure(["--covariate-cols", "age"], mentions: ["--covariate-cols needs covariates"])
        try expectFailure(["--covariates", covariates, "--covariate-keys", "batch"], mentions: ["--covariate-keys cannot be combined with --covariates"])
        try expectFailure(["--covariates", covariates, "--covariate-cols", "age,height"], mentions: ["cov.tsv: line 1: no covariate column 'height' (--covariate-cols)"])
    }
}
