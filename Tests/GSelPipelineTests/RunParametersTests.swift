import Foundation
import GSelCore
import GSelIO
import GSelPipeline
import XCTest
import _TestSupport

/// The run parameters: what the CLI builds, what run.json and the fit manifest record, and
/// what `aggregate` and `--resume` read back.
final class RunParametersTests: XCTestCase {
    func testManifestRoundTripsAndFingerprintIgnoresPathsAndMemory() throws {
        var p = GolubRun.parameters()
        p.selection.sequentialAttention.hidden = [128, 64]
        p.selection.q = 7
        p.input.decoding.maf = 0.05
        let manifest = RunManifest(inputSHA256: "aa", labelsSHA256: "bb", groupsSHA256: nil, parameters: p)
        let dir = try TemporaryDirectory()
        let path = try dir.write("manifest.json", try manifest.encoded())
        let back = try RunManifest.decode(path: path)
        XCTAssertEqual(back, manifest)
        XCTAssertEqual(back.fingerprint, manifest.fingerprint)

        var moved = manifest
        moved.parameters.input.path = "/elsewhere/expr.tsv.gz"
        moved.parameters.input.labels = "labels.tsv"
        moved.parameters.input.decoding.memoryBudget = MemoryBudget(bytes: 1 << 30)
        XCTAssertEqual(moved.fingerprint, manifest.fingerprint, "paths and the memory budget do not define the result")
        XCTAssertNil(moved.difference(from: manifest))

        var other = manifest
        other.parameters.selection.sequentialAttention.hidden = [67]
        XCTAssertNotEqual(other.fingerprint, manifest.fingerprint)
        XCTAssertEqual(other.difference(from: manifest), "sequential_attention.hidden is [67] here but [128,64] there")
        var otherFile = manifest
        otherFile.inputSHA256 = "cc"
        XCTAssertEqual(otherFile.difference(from: manifest), "input SHA-256 is cc here but aa there")
    }

    /// The include list: its path is recorded but not defining, its SHA-256 and `extra` are.
    func testIncludeListIsFingerprintedByChecksum() throws {
        var p = GolubRun.parameters()
        p.selection.include = IncludeParameters(file: "markers.txt")
        let manifest = RunManifest(inputSHA256: "aa", labelsSHA256: "bb", groupsSHA256: nil, includeSHA256: "ee", parameters: p)
        let dir = try TemporaryDirectory()
        XCTAssertEqual(try RunManifest.decode(path: try dir.write("m.json", try manifest.encoded())), manifest)
        var moved = manifest
        moved.parameters.selection.include?.file = "/elsewhere/markers.txt"
        XCTAssertEqual(moved.fingerprint, manifest.fingerprint)
        var otherList = manifest
        otherList.includeSHA256 = "ff"
        XCTAssertEqual(otherList.difference(from: manifest), "include SHA-256 is ff here but ee there")
        var extra = manifest
        extra.parameters.selection.include?.extra = true
        XCTAssertEqual(extra.difference(from: manifest), "include.extra is true here but false there")
        var none = manifest
        none.parameters.selection.include = nil
        none.includeSHA256 = nil
        XCTAssertEqual(none.fingerprint, RunManifest(inputSHA256: "aa", labelsSHA256: "bb", groupsSHA256: nil, parameters: GolubRun.parameters()).fingerprint)
        // Not with groups or chunks.
        var grouped = p
        grouped.input.groups = "g.tsv"
        XCTAssertThrowsError(try grouped.validate()) { XCTAssertEqual(($0 as? ParameterError)?.flag, "--include") }
    }

    /// The keys and values run.json and the fit manifest hold for every input and selection
    /// setting, and the fingerprint they give: fits written by an earlier gsel of the same
    /// serialization version stay readable and reusable.
    func testSerializationIsStable() throws {
        var p = RunParameters(input: InputParameters(path: "x.vcf.gz"), selection: SelectionParameters(k: 7))
        p.input.labels = "l.tsv"
        p.input.sampleColumn = "IID"
        p.input.labelColumn = "pheno"
        p.input.groups = "g.tsv"
        p.input.task = .classification
        p.input.decoding.layout = .featuresBySamples
        p.input.decoding.dataset = "/X"
        p.input.decoding.sampleIDs = "/s"
        p.input.decoding.featureIDs = "/f"
        p.input.decoding.layer = "counts"
        p.input.decoding.featureType = "all"
        p.input.decoding.vcfField = .dosage
        p.input.decoding.maf = 0.05
        p.input.decoding.maxMissing = 0.1
        p.input.decoding.memoryBudget = MemoryBudget(bytes: 1 << 30)
        p.selection.sequentialAttention.screenSize = 300
        let manifest = RunManifest(gselVersion: "0.0.0", inputSHA256: "aa", labelsSHA256: "bb", groupsSHA256: "cc", parameters: p)
        // Written by gsel 0.2.0 (before `DecodingSettings`): the keys, values and fingerprint are kept.
        let written = """
            {
              "groups_sha256" : "cc",
              "gsel_version" : "0.0.0",
              "input_sha256" : "aa",
              "labels_sha256" : "bb",
              "parameters" : {
                "input" : {
                  "dataset" : "/X",
                  "feature_i_ds" : "/f",
                  "feature_type" : "all",
                  "groups" : "g.tsv",
                  "label_column" : "pheno",
                  "labels" : "l.tsv",
                  "layer" : "counts",
                  "layout" : "features-by-samples",
                  "maf" : 0.05,
                  "max_missing" : 0.1,
                  "memory_budget" : 1073741824,
                  "path" : "x.vcf.gz",
                  "sample_column" : "IID",
                  "sample_i_ds" : "/s",
                  "task" : "classification",
                  "vcf_field" : "DS"
                },
                "selection" : {
                  "full_fits" : 10,
                  "k" : 7,
                  "method" : "sa",
                  "seed" : 1,
                  "sequential_attention" : {
                    "attention" : "paper",
                    "class_weighted" : true,
                    "final_learning_rate_fraction" : 0.3,
                    "hidden" : [
                      67
                    ],
                    "logit_learning_rate" : 0.01,
                    "logit_optimizer" : "auto",
                    "maximum_epochs" : 200,
                    "minimum_steps" : 1000,
                    "picks_per_phase" : 1,
                    "screen_size" : 300,
                    "snapshot_width" : 10,
                    "steps_per_phase" : 40,
                    "stochastic_batches_per_epoch" : 4,
                    "warmup_fraction" : 0.1,
                    "weight_decay" : 0
                  },
                  "threshold" : 0.6,
                  "validation_fraction" : 0.2
                },
                "serialization_version" : 1
              }
            }

            """
        XCTAssertEqual(try manifest.encoded(), written)
        XCTAssertEqual(manifest.fingerprint, "a0df81b1c48390a5db65a82d45875a2a3021aab5ae93f7ae4342166bbadaab0c")
        let dir = try TemporaryDirectory()
        XCTAssertEqual(try RunManifest.decode(path: try dir.write("manifest.json", written)), manifest)
    }

    func testNewerSerializationIsRefused() throws {
        var p = GolubRun.parameters()
        p.serializationVersion = RunParameters.currentSerializationVersion + 1
        let manifest = RunManifest(inputSHA256: "aa", labelsSHA256: nil, groupsSHA256: nil, parameters: p)
        let dir = try TemporaryDirectory()
        let path = try dir.write("manifest.json", try manifest.encoded())
        XCTAssertThrowsError(try RunManifest.decode(path: path)) { error in
            XCTAssertTrue("\(error)".contains("newer gsel"), "\(error)")
        }
        // A manifest of an earlier build, without the epoch cap, names the missing field.
        let earlier = try RunManifest(inputSHA256: "aa", labelsSHA256: nil, groupsSHA256: nil, parameters: GolubRun.parameters()).encoded()
            .replacingOccurrences(of: "\"maximum_epochs\" : 200,\n", with: "")
        XCTAssertFalse(earlier.contains("maximum_epochs"))
        XCTAssertThrowsError(try RunManifest.decode(path: try dir.write("earlier.json", earlier))) { error in
            XCTAssertTrue("\(error)".contains("the field parameters.selection.sequential_attention.maximum_epochs is missing"), "\(error)")
        }
        let garbage = try dir.write("other.json", "{\"version\": \"0.1.0\", \"inputArguments\": []}")
        XCTAssertThrowsError(try RunManifest.decode(path: garbage)) { error in
            XCTAssertTrue("\(error)".contains("not a run manifest"), "\(error)")
        }
    }

    /// Every out-of-range value is one ParameterError naming the setting.
    func testValidationNamesTheParameter() {
        func failure(_ change: (inout RunParameters) -> Void) -> ParameterError? {
            var p = GolubRun.parameters()
            change(&p)
            do { try p.validate(); return nil } catch { return error as? ParameterError }
        }
        XCTAssertNil(failure { _ in })
        XCTAssertEqual(failure { $0.selection.k = 0 }?.flag, "--k")
        XCTAssertEqual(failure { $0.selection.repeats = -3 }?.message, "must be between 0 and 100000; got -3")
        XCTAssertEqual(failure { $0.selection.threshold = 0.4 }?.message, "must be in (0.5, 1]; got 0.4")
        XCTAssertEqual(failure { $0.selection.validationFraction = 1 }?.flag, "--validation-fraction")
        XCTAssertEqual(failure { $0.selection.sequentialAttention.epochs = 4_611_686_018_427_387_904 }?.flag, "--epochs")
        XCTAssertEqual(failure { $0.selection.sequentialAttention.hidden = [100_000_000_000] }?.flag, "--hidden")
        XCTAssertEqual(failure { $0.selection.sequentialAttention.learningRate = .nan }?.flag, "--learning-rate")
        XCTAssertEqual(failure { $0.input.decoding.maf = 0.7 }?.flag, "--maf")
        XCTAssertEqual(failure { $0.input.labelKey = "cell_type" }?.flag, "--label-key")
        XCTAssertEqual(failure { $0.input.groups = "g.tsv"; $0.selection.method = .omp }?.flag, "--groups")
    }

    /// `--task` and `--screen` are typed in the parameters and parsed by the library, so a
    /// caller without the command line gets the same values and the same errors.
    func testTaskAndScreenAreParsedByTheLibrary() throws {
        XCTAssertNil(try InputParameters.task(parsing: "auto"))
        XCTAssertEqual(try InputParameters.task(parsing: "regression"), .regression)
        XCTAssertThrowsError(try InputParameters.task(parsing: "Classification")) {
            XCTAssertEqual(($0 as? ParameterError)?.commandLineMessage, "--task expected auto, classification or regression; got 'Classification'")
        }
        XCTAssertEqual(try ScreenSetting(parsing: "auto"), .auto)
        XCTAssertEqual(try ScreenSetting(parsing: "off").screenSize, 0)
        XCTAssertEqual(try ScreenSetting(parsing: "300"), .features(300))
        for bad in ["0", "-5", "1.5", "", "Off"] {
            XCTAssertThrowsError(try ScreenSetting(parsing: bad), bad) { XCTAssertEqual(($0 as? ParameterError)?.flag, "--screen") }
        }
        var p = GolubRun.parameters()
        p.selection.screen = .features(300)
        XCTAssertEqual(p.selection.sequentialAttention.screenSize, 300, "stored where the manifest has always kept it")
        p.selection.sequentialAttention.screenSize = -2
        XCTAssertEqual(p.selection.screen, .features(-2))
        XCTAssertThrowsError(try p.validate()) { XCTAssertEqual(($0 as? ParameterError)?.flag, "--screen") }
    }

    func testMemoryBudgetParsing() {
        XCTAssertEqual(MemoryBudget(parsing: "512M")?.bytes, 512 << 20)
        XCTAssertEqual(MemoryBudget(parsing: "1.5G")?.bytes, 3 << 29)
        XCTAssertEqual(MemoryBudget(parsing: "4gb")?.bytes, 4 << 30)
        XCTAssertEqual(MemoryBudget(parsing: "1000000")?.bytes, 1_000_000)
        for bad in ["1e30G", "nanG", "infG", "-1G", "", "G", "12Q", "0", "99999999999T"] {
            XCTAssertNil(MemoryBudget(parsing: bad), bad)
        }
        XCTAssertEqual(MemoryBudget.format(3 << 29), "1.5 GiB")
        XCTAssertEqual(MemoryBudget.size(count: 1 << 62, stride: 8), nil, "overflow")
    }
}
