import GSelIO
import GSelReport

/// Realistic report models for the tests: a Golub-style leukemia expression run and a
/// genotype (VCF) regression run. Values are synthetic but shaped like real gsel output.
enum SampleReport {
    /// Affymetrix probe ids and gene symbols of well-known ALL/AML marker genes (Golub et al. 1999).
    static let genes: [(id: String, symbol: String)] = [
        ("X95735_at", "ZYX"), ("M27891_at", "CST3"), ("M23197_at", "CD33"), ("U46499_at", "MGST1"),
        ("M19507_at", "MPO"), ("Y12670_at", "LEPR"), ("M31523_at", "TCF3"), ("M84526_at", "CFD"),
        ("U50136_rna1_at", "LTC4S"), ("L09209_s_at", "APLP2"), ("M16038_at", "LYN"), ("X17042_at", "SRGN"),
        ("M92287_at", "CCND3"), ("U22376_cds2_s_at", "MYB"), ("D88270_at", "VPREB1"), ("M63138_at", "CTSD"),
        ("X59417_at", "PSMA6"), ("U05259_rna1_at", "CD79A"), ("M11722_at", "DNTT"), ("J05243_at", "SPTAN1"),
    ]

    /// Selection frequencies of the 20 ranked features (best first).
    static let frequencies = [0.98, 0.96, 0.93, 0.88, 0.84, 0.79, 0.73, 0.68, 0.62, 0.57,
                              0.51, 0.46, 0.40, 0.36, 0.31, 0.27, 0.22, 0.18, 0.15, 0.12]

    /// Expression run: classification ALL vs AML, stability selection, all charts but the genome plot.
    static func expression(names: [String]? = nil) -> ReportModel {
        let symbols = names ?? genes.map(\.symbol)
        let ids = names ?? genes.map(\.id)
        return ReportModel(
            title: "gsel: 20 genes that separate ALL from AML",
            version: "gsel 0.1.0 (HDF5 1.10.8)",
            commandLine: "gsel --input golub.expr.tsv.gz --labels golub.labels.tsv --k 20 --repeats 50 --seed 7 --out golub-out",
            inputPath: "/data/golub/golub.expr.tsv.gz",
            inputFormat: "delimited text (gzip)",
            samples: 38, features: 3051, task: .classification,
            classCounts: [("ALL", 27), ("AML", 11)],
            parameters: [("method", "sa"), ("k", "20"), ("repeats", "50"), ("threshold", "0.6"), ("seed", "7"),
                         ("hidden", "67"), ("epochs", "30"), ("learning rate", "0.001"), ("validation fraction", "0.2")],
            timings: [("read input", 0.41), ("stability selection", 73.2), ("evaluation", 4.9), ("report", 0.08)],
            ranking: rankingRows(ids: ids, names: symbols, variants: nil),
            threshold: 0.6,
            errorBound: 400.0 / (0.2 * 3051),
            evaluation: evaluation(metrics: ["accuracy", "balanced accuracy", "AUROC"]),
            heldOutComparison: comparison(samples: 8, separated: false),
            attentionSnapshots: snapshots(names: symbols),
            correlation: correlation(names: symbols),
            notes: ["2 samples had no label and were dropped."])
    }

    /// Genotype run: regression on a quantitative trait from a VCF, with the genome plot.
    static func genotypes() -> ReportModel {
        let variants = (0 ..< 20).map { i -> VariantPosition in
            let chrom = ["2", "2", "6", "11", "X", "6", "17", "1", "9", "chr12", "3", "6", "19", "5", "22", "8", "MT", "14", "X", "20"][i]
            let length = chromosomeLengths.first { $0.0 == ChromosomeOrder.displayName(chrom) }!.1 * 1_000_000
            let pos = chrom == "MT" ? 3_307 : 500_000 + 7_919_003 * (i + 1) % (length - 1_000_000)
            return VariantPosition(chrom: chrom, pos: pos,
                                   ref: ["A", "C", "G", "T"][i % 4], alt: ["G", "T", "A", "C"][i % 4])
        }
        let ids = variants.map { "\($0.chrom):\($0.pos):\($0.ref):\($0.alt)" }
        let names = (0 ..< 20).map { "rs\(1_000_000 + $0 * 7_717)" }
        var model = expression(names: names)
        model.title = "gsel: 20 variants associated with body weight"
        model.commandLine = "gsel --input hs1940.vcf.gz --labels pheno.tsv --label-col pheno1 --k 20 --repeats 50 --maf 0.05"
        model.inputPath = "/data/hs1940/hs1940.vcf.gz"
        model.inputFormat = "VCF (BGZF)"
        model.samples = 1410
        model.features = 9286
        model.task = .regression
        model.classCounts = []
        model.ranking = rankingRows(ids: ids, names: names, variants: variants)
        model.errorBound = 400.0 / (0.2 * 9286)
        model.evaluation = evaluation(metrics: ["R²"])
        model.heldOutComparison = .init(method: "gsel-sa", baseline: "marginal", k: 20, metric: "R²", validationSamples: 282,
                                        value: 0.52, interval: 0.41 ... 0.61, baselineValue: 0.47, baselineInterval: 0.35 ... 0.57,
                                        difference: 0.05, differenceInterval: -0.02 ... 0.12)
        model.manhattan = manhattan(ranked: model.ranking)
        model.notes = []
        return model
    }

    static func rankingRows(ids: [String], names: [String], variants: [VariantPosition]?) -> [ReportModel.RankingRow] {
        (0 ..< 20).map { i -> ReportModel.RankingRow in
            let order: Double = 1.3 + Double(i) * 0.9
            let weight: Double = 0.42 / Double(i + 1)
            let sign: Double = i % 3 == 1 ? -1 : 1
            let effect: Double = sign * (1.8 - Double(i) * 0.07)
            return ReportModel.RankingRow(rank: i + 1, featureID: ids[i], featureName: names[i],
                                          selectionFrequency: frequencies[i], stable: frequencies[i] >= 0.6,
                                          meanSelectionOrder: order, score: weight, effect: effect,
                                          variant: variants?[i])
        }
    }

    /// gsel rises faster than the marginal baseline, both level off; each value has a 95 %
    /// interval 0.12 below and up to 0.04 above it (at most 1).
    static func evaluation(metrics: [String]) -> [ReportModel.EvaluationRow] {
        let ks = [1, 2, 5, 10, 20]
        let gsel = [0.79, 0.86, 0.93, 0.96, 0.97], marginal = [0.74, 0.76, 0.83, 0.89, 0.92]
        return [("gsel", gsel), ("marginal", marginal)].flatMap { method, curve in
            ks.indices.map { i in
                let values = metrics.enumerated().map { m, name in (name: name, value: curve[i] - 0.03 * Double(m) + (name == "R²" ? -0.45 : 0)) }
                return ReportModel.EvaluationRow(method: method, k: ks[i], metrics: values, intervals: Dictionary(
                    uniqueKeysWithValues: values.map { ($0.name, ($0.value - 0.12) ... min(1, $0.value + 0.04)) }))
            }
        }
    }

    /// gsel's top 20 against the marginal baseline's on `samples` held-out samples.
    static func comparison(samples: Int, separated: Bool) -> ReportModel.HeldOutComparison {
        separated
            ? .init(method: "gsel-sa", baseline: "marginal", k: 20, metric: "balanced accuracy", validationSamples: samples,
                    value: 0.917, interval: 0.78 ... 0.98, baselineValue: 0.80, baselineInterval: 0.66 ... 0.91,
                    difference: 0.117, differenceInterval: 0.031 ... 0.207, accuracy: 0.925, accuracyInterval: 0.86 ... 0.96)
            : .init(method: "gsel-sa", baseline: "marginal", k: 20, metric: "balanced accuracy", validationSamples: samples,
                    value: 1, interval: 1 ... 1, baselineValue: 0.9, baselineInterval: 0.75 ... 1,
                    difference: 0.1, differenceInterval: 0 ... 0.25, accuracy: 1, accuracyInterval: 0.6755924351161198 ... 1)
    }

    /// Eight picks. The second probe of CST3 (a redundant twin) competes with CST3 at pick 2 and fades after it.
    static func snapshots(names: [String]) -> [ReportModel.AttentionSnapshot] {
        let twin = names[1] + " (2nd probe)"
        return (0 ..< 8).map { step in
            var candidates: [(name: String, weight: Double)] = []
            for j in step ..< min(names.count, step + 5) {
                candidates.append((names[j], 0.34 / Double(j - step + 1) * (j == step ? 1 : 0.9)))
            }
            candidates.append((twin, step <= 1 ? 0.27 - 0.05 * Double(step) : 0.012))
            candidates.append((names[12], 0.02 + 0.015 * Double(step)))
            return ReportModel.AttentionSnapshot(step: step + 1, pickedFeatureName: names[step], candidates: candidates)
        }
    }

    /// A positive-definite correlation matrix from a two-factor model (myeloid vs lymphoid markers).
    static func correlation(names: [String]) -> ReportModel.CorrelationMatrix {
        let loadings = names.indices.map { i -> (Double, Double) in
            let myeloid = i % 2 == 0 ? 0.9 - 0.03 * Double(i) : -0.2
            let lymphoid = i % 2 == 1 ? 0.8 - 0.03 * Double(i) : 0.1
            return (myeloid, lymphoid)
        }
        let noise = 0.35
        let values = loadings.indices.map { i in
            loadings.indices.map { j -> Double in
                if i == j { return 1 }
                let (a, b) = (loadings[i], loadings[j])
                let dot = a.0 * b.0 + a.1 * b.1
                return dot / ((a.0 * a.0 + a.1 * a.1 + noise) * (b.0 * b.0 + b.1 * b.1 + noise)).squareRoot()
            }
        }
        return ReportModel.CorrelationMatrix(names: names, values: values)
    }

    /// GRCh38 chromosome lengths (Mb, rounded), for a genome-wide scatter of selected variants.
    static let chromosomeLengths: [(String, Int)] = [
        ("1", 248), ("2", 242), ("3", 198), ("4", 190), ("5", 181), ("6", 171), ("7", 159), ("8", 145),
        ("9", 138), ("10", 134), ("11", 135), ("12", 133), ("13", 114), ("14", 107), ("15", 102), ("16", 90),
        ("17", 83), ("18", 80), ("19", 59), ("20", 64), ("21", 47), ("22", 51), ("X", 156), ("Y", 57), ("MT", 1),
    ]

    /// The ranked variants plus 400 rarely selected ones spread over the genome (some spelled "chrN").
    static func manhattan(ranked: [ReportModel.RankingRow]) -> [ReportModel.ManhattanPoint] {
        var points = ranked.compactMap { row in
            row.variant.map { ReportModel.ManhattanPoint(chrom: $0.chrom, pos: $0.pos, frequency: row.selectionFrequency ?? 0, name: row.featureName) }
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for i in 0 ..< 400 {
            let (chrom, mb) = chromosomeLengths[Int(next() % UInt64(chromosomeLengths.count))]
            let pos = Int(next() % UInt64(mb * 1_000_000 - 1)) + 1
            let frequency = Double(next() % 1000) / 1000 * 0.25 * (next() % 4 == 0 ? 1.6 : 1)
            points.append(.init(chrom: i % 3 == 0 ? "chr" + chrom : chrom, pos: pos, frequency: frequency,
                                name: "rs\(2_000_000 + i * 131)"))
        }
        return points
    }
}
