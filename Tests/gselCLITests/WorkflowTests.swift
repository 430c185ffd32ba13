import Foundation
import XCTest
import _TestSupport

/// The Snakemake workflow (scatter/gather), its `gsel select` wrapper and `make install`,
/// run for real and checked against a one-machine `gsel select`.
final class WorkflowTests: XCTestCase {
    /// Settings shared by the reference run, the workflow and Workflows/snakemake/wrapper/test/Snakefile.
    private static let k = 5
    private static let repeats = 6
    private static let seed = 11

    private static var root: URL { GSelProcess.packageRoot }
    private static var snakefile: String { root.appendingPathComponent("Workflows/snakemake/Snakefile").path }
    private static var wrapperTestSnakefile: String {
        root.appendingPathComponent("Workflows/snakemake/wrapper/test/Snakefile").path
    }
    private static var expression: String { GSelProcess.testData("golub/golub.expr.tsv.gz") }
    private static var labels: String { GSelProcess.testData("golub/golub.labels.tsv") }

    /// One-machine `gsel select` on the Golub data, computed once for the tests that compare against it.
    private static let reference = Result { () throws -> ReferenceRun in try ReferenceRun() }

    /// The output of `gsel select --k 5 --repeats 6 --seed 11` on TestData/golub.
    private final class ReferenceRun: Sendable {
        let folder: TemporaryDirectory
        let ranking: Data
        init() throws {
            folder = try TemporaryDirectory("gsel-workflow-reference")
            let out = folder.path("select")
            let run = try GSelProcess.gsel([
                "select", "--input", WorkflowTests.expression, "--labels", WorkflowTests.labels,
                "--label-col", "label", "--k", "\(WorkflowTests.k)", "--repeats", "\(WorkflowTests.repeats)",
                "--seed", "\(WorkflowTests.seed)", "--out", out, "--quiet",
            ])
            guard run.status == 0 else {
                throw Failure("gsel select exited \(run.status): \(run.stderr)")
            }
            ranking = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("ranking.tsv"))
        }
    }

    func testSnakemakeLintPassesForWorkflowAndWrapperExample() throws {
        let snakemake = try Self.snakemake()
        let cwd = try TemporaryDirectory("gsel-lint")
        for file in [Self.snakefile, Self.wrapperTestSnakefile] {
            let lint = try GSelProcess.run(snakemake, ["-s", file, "--lint"], cwd: cwd.url)
            XCTAssertEqual(lint.status, 0, "snakemake --lint \(file):\n\(lint.stdout)\(lint.stderr)")
        }
    }

    func testScatteredWorkflowRankingIsByteIdenticalToSelect() throws {
        let reference = try Self.reference.get()
        let work = try TemporaryDirectory("gsel-snakemake")
        let results = try runWorkflow(in: work, settings: [
            "input": Self.expression, "labels": Self.labels, "label_col": "label", "top_k": "\(Self.k)",
            "repeats": "\(Self.repeats)",
        ])

        // The scatter really ran one job per pair, each with its log and benchmark.
        for pair in 1 ... Self.repeats {
            for half in ["a", "b"] {
                XCTAssertTrue(exists(results, "repeats/pair-\(pair)/fit-\(pair)-\(half).tsv"))
            }
            XCTAssertTrue(exists(results, "logs/gsel_repeat/pair-\(pair).log"))
            XCTAssertTrue(exists(results, "benchmarks/gsel_repeat/pair-\(pair).tsv"))
        }
        XCTAssertFalse(exists(results, "repeats/pair-\(Self.repeats + 1)"))

        try assertSameRanking(results, reference)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(
            with: Data(contentsOf: results.appendingPathComponent("run.json"))))
        let report = try String(contentsOf: results.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(report.lowercased().contains("<html"), "report.html is not an HTML page")
    }

    /// `groups:` in the config reaches every `gsel repeat` (and, through the fits' manifest,
    /// `gsel aggregate`): the scattered group ranking equals `gsel select --groups`.
    func testScatteredWorkflowWithGroupsMatchesSelect() throws {
        let work = try TemporaryDirectory("gsel-snakemake-groups")
        let planted = PlantedGroups(samples: 400, groupCount: 60, groupSize: 5, informative: 3, noise: 3, seed: 1)
        let (matrix, labels, groups) = planted.tsv()
        let files = (x: try work.write("x.tsv", matrix), y: try work.write("y.tsv", labels),
                     groups: try work.write("groups.tsv", groups))
        let select = try GSelProcess.gsel([
            "select", "--input", files.x, "--labels", files.y, "--groups", files.groups,
            "--k", "3", "--repeats", "3", "--seed", "\(Self.seed)", "--out", work.path("select"), "--quiet",
        ])
        XCTAssertEqual(select.status, 0, select.stderr)
        let results = try runWorkflow(in: work, settings: [
            "input": files.x, "labels": files.y, "label_col": "", "groups": files.groups, "top_k": "3", "repeats": "3",
        ])
        let scattered = try Data(contentsOf: results.appendingPathComponent("ranking.tsv"))
        let direct = try Data(contentsOf: URL(fileURLWithPath: work.path("select/ranking.tsv")))
        XCTAssertEqual(scattered, direct, "scattered group ranking differs from gsel select --groups")
        let rows = try OutputFiles.tsv(results.appendingPathComponent("ranking.tsv").path)
        XCTAssertEqual(Set(rows.compactMap { $0["group_id"] }), Set(planted.informative.map(planted.groupID)))
    }

    /// `covariates:` and `covariate_cols:` reach every `gsel repeat` (and `gsel aggregate`
    /// through the fits' manifest): the scattered ranking equals `gsel select --covariates`.
    func testScatteredWorkflowWithCovariatesMatchesSelect() throws {
        let work = try TemporaryDirectory("gsel-snakemake-covariates")
        let planted = PlantedConfounding()
        let (matrix, labels, covariates) = planted.tsv()
        let files = (x: try work.write("x.tsv", matrix), y: try work.write("y.tsv", labels),
                     covariates: try work.write("cov.tsv", covariates))
        let select = try GSelProcess.gsel([
            "select", "--input", files.x, "--labels", files.y, "--covariates", files.covariates, "--covariate-cols", "batch,age",
            "--k", "4", "--repeats", "2", "--seed", "\(Self.seed)", "--out", work.path("select"), "--quiet",
        ])
        XCTAssertEqual(select.status, 0, select.stderr)
        let results = try runWorkflow(in: work, settings: [
            "input": files.x, "labels": files.y, "label_col": "", "covariates": files.covariates, "covariate_cols": "batch,age",
            "top_k": "4", "repeats": "2",
        ])
        let scattered = try Data(contentsOf: results.appendingPathComponent("ranking.tsv"))
        XCTAssertEqual(scattered, try Data(contentsOf: URL(fileURLWithPath: work.path("select/ranking.tsv"))),
                       "scattered ranking differs from gsel select --covariates")
        let ranked = try OutputFiles.tsv(results.appendingPathComponent("ranking.tsv").path).map { Int($0["feature_id"]!.dropFirst())! }
        XCTAssertTrue(Set(ranked).isDisjoint(with: planted.batchGenes), "\(ranked)")
    }

    /// `chunks: 3` scatters chunk x pair `gsel repeat` jobs, aggregates each chunk and runs
    /// the tournament: its ranking, and every chunk's, equal `gsel select --chunks 3`'s.
    func testChunkedWorkflowEqualsSelectWithChunks() throws {
        let work = try TemporaryDirectory("gsel-snakemake-chunks")
        let select = try GSelProcess.gsel([
            "select", "--input", Self.expression, "--labels", Self.labels, "--label-col", "label", "--k", "\(Self.k)",
            "--repeats", "2", "--chunks", "3", "--seed", "\(Self.seed)", "--out", work.path("select"), "--quiet",
        ])
        XCTAssertEqual(select.status, 0, select.stderr)
        let results = try runWorkflow(in: work, settings: [
            "input": Self.expression, "labels": Self.labels, "label_col": "label", "top_k": "\(Self.k)", "repeats": "2",
            "chunks": "3",
        ])
        for chunk in 1 ... 3 {
            for pair in 1 ... 2 {
                XCTAssertTrue(exists(results, "chunks/chunk-\(chunk)/repeats/pair-\(pair)/fit-\(pair)-b.tsv"))
                XCTAssertTrue(exists(results, "logs/gsel_repeat/chunk-\(chunk)-pair-\(pair).log"))
            }
            XCTAssertTrue(exists(results, "logs/gsel_aggregate/chunk-\(chunk).log"))
            let file = "chunks/chunk-\(chunk)/ranking.tsv"
            XCTAssertEqual(try Data(contentsOf: results.appendingPathComponent(file)),
                           try Data(contentsOf: work.url.appendingPathComponent("select/\(file)")), file)
        }
        XCTAssertFalse(exists(results, "chunks/chunk-4"))
        XCTAssertTrue(exists(results, "logs/gsel_tournament.log"))
        XCTAssertEqual(try Data(contentsOf: results.appendingPathComponent("ranking.tsv")),
                       try Data(contentsOf: work.url.appendingPathComponent("select/ranking.tsv")),
                       "the scattered tournament's ranking differs from gsel select --chunks 3")
    }

    /// Runs Workflows/snakemake in `work` with these config keys plus seed, outdir and the
    /// gsel under test, all passed with `--config key=value` as a user would; returns the
    /// results folder.
    private func runWorkflow(in work: TemporaryDirectory, settings: [String: String],
                             file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let all = settings.merging(["seed": "\(Self.seed)", "outdir": "results", "gsel": GSelProcess.binary.path]) { a, _ in a }
        let run = try GSelProcess.run(try Self.snakemake(), [
            "-s", Self.snakefile, "--directory", work.url.path, "--cores", "2", "--config",
        ] + all.keys.sorted().map { "\($0)=\(all[$0]!)" })
        XCTAssertEqual(run.status, 0, "snakemake:\n\(run.stderr)", file: file, line: line)
        return work.url.appendingPathComponent("results")
    }

    /// Every key of config.yaml can be given with `--config key=value` (Snakemake refuses
    /// one-letter keys and cannot reach into nested mappings that way): a dry run that sets
    /// each key to its default value is accepted.
    func testEveryConfigKeyIsSettableWithConfig() throws {
        let text = try String(contentsOfFile: Self.root.appendingPathComponent("Workflows/snakemake/config.yaml").path,
                              encoding: .utf8)
        var pairs: [String] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix(" ") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon]
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            XCTAssertFalse(value.isEmpty, "\(key) is a nested mapping, which --config cannot set")
            XCTAssertGreaterThanOrEqual(key.count, 2, "--config needs keys of two or more characters: \(key)")
            if value.hasPrefix("\"") { value = String(value.dropFirst().dropLast()) }
            pairs.append("\(key)=\(key == "input" ? Self.expression : key == "labels" ? Self.labels : value)")
        }
        XCTAssertGreaterThanOrEqual(pairs.count, 15)
        let work = try TemporaryDirectory("gsel-config-keys")
        let dry = try GSelProcess.run(try Self.snakemake(), ["-s", Self.snakefile, "--directory", work.url.path, "-n",
                                                             "--config"] + pairs)
        XCTAssertEqual(dry.status, 0, "snakemake -n --config \(pairs):\n\(dry.stderr)")
    }

    /// `repeats: auto` scatters every pair gsel's adaptive rule may use: the dry run plans as
    /// many repeat jobs as the cap `gsel select --help` states, and passes `--repeats auto`.
    func testAutoRepeatsScatterTheAdaptiveCap() throws {
        let help = try GSelProcess.gsel(["select", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let cap = try XCTUnwrap(help.firstMatch(of: /from 10 to (\d+) pairs/).map { Int($0.1)! }, help)
        let work = try TemporaryDirectory("gsel-auto-repeats")
        let dry = try GSelProcess.run(try Self.snakemake(), ["-s", Self.snakefile, "--directory", work.url.path, "-n", "-p",
                                                             "--config", "input=\(Self.expression)", "labels=\(Self.labels)",
                                                             "repeats=auto"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        let plan = dry.stdout + dry.stderr
        XCTAssertNotNil(plan.firstMatch(of: try Regex("gsel_repeat +\(cap)\\b")), plan)
        XCTAssertTrue(plan.contains("--repeats auto"), plan)
    }

    func testWrapperExampleRankingIsByteIdenticalToSelect() throws {
        let reference = try Self.reference.get()
        let snakemake = try Self.snakemake()
        let work = try TemporaryDirectory("gsel-wrapper")
        let data = work.url.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for file in [Self.expression, Self.labels] {
            let name = URL(fileURLWithPath: file).lastPathComponent
            try FileManager.default.createSymbolicLink(
                atPath: data.appendingPathComponent(name).path, withDestinationPath: file)
        }
        // The example rule finds gsel on PATH, as a user's workflow would.
        let binDir = GSelProcess.binary.deletingLastPathComponent().path
        let path = "PATH=\(binDir):\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")"
        let run = try GSelProcess.run("/usr/bin/env", [
            path, snakemake, "-s", Self.wrapperTestSnakefile, "--directory", work.url.path, "--cores", "2",
        ])
        XCTAssertEqual(run.status, 0, "snakemake:\n\(run.stderr)")
        XCTAssertTrue(exists(work.url, "logs/gsel_select.log"))
        try assertSameRanking(work.url.appendingPathComponent("results"), reference)
    }

    func testMakeInstallPutsAWorkingBinaryInPrefixAndUninstallRemovesIt() throws {
        let prefix = try TemporaryDirectory("gsel-prefix")
        // BIN: install the binary under test (make only rebuilds it when a source is newer).
        let install = try GSelProcess.run("make", [
            "-C", Self.root.path, "install", "PREFIX=\(prefix.url.path)", "BIN=\(GSelProcess.binary.path)",
        ])
        XCTAssertEqual(install.status, 0, "make install:\n\(install.stdout)\(install.stderr)")
        let installed = prefix.path("bin/gsel")
        let attributes = try FileManager.default.attributesOfItem(atPath: installed)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o755)

        // The installed binary runs on its own and reports the HDF5 the system provides.
        let version = try GSelProcess.run(installed, ["--version"])
        XCTAssertEqual(version.status, 0, version.stderr)
        let hdf5 = try GSelProcess.run("pkg-config", ["--modversion", "hdf5"])
        XCTAssertEqual(hdf5.status, 0, "pkg-config --modversion hdf5: \(hdf5.stderr)")
        let line = version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let systemHDF5 = hdf5.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertNotNil(line.range(of: #"^gsel [0-9]+\.[0-9]+\.[0-9]+ \(HDF5 "#, options: .regularExpression),
                        "gsel --version printed \(line)")
        XCTAssertTrue(line.hasSuffix("(HDF5 \(systemHDF5))"), "gsel --version printed \(line), system HDF5 is \(systemHDF5)")

        let uninstall = try GSelProcess.run("make", [
            "-C", Self.root.path, "uninstall", "PREFIX=\(prefix.url.path)",
        ])
        XCTAssertEqual(uninstall.status, 0, uninstall.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: installed))
    }

    // MARK: - Helpers

    /// A failed precondition of these tests (missing tool, failed reference run).
    private struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// `$GSEL_SNAKEMAKE`, else `snakemake` beside `$GSEL_PYTHON`, else on PATH.
    private static func snakemake() throws -> String {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["GSEL_SNAKEMAKE"] { return explicit }
        var candidates: [String] = []
        if GSelProcess.python.hasPrefix("/"), !GSelProcess.python.contains(" ") {
            candidates.append(URL(fileURLWithPath: GSelProcess.python)
                .deletingLastPathComponent().appendingPathComponent("snakemake").path)
        }
        for dir in (env["PATH"] ?? "").split(separator: ":") {
            candidates.append(URL(fileURLWithPath: String(dir)).appendingPathComponent("snakemake").path)
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure(
                "snakemake not found: set GSEL_SNAKEMAKE, or GSEL_PYTHON to the venv scripts/setup.sh --test makes")
        }
        return found
    }

    private func exists(_ folder: URL, _ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path)
    }

    private func assertSameRanking(_ results: URL, _ reference: ReferenceRun,
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        let ranking = try Data(contentsOf: results.appendingPathComponent("ranking.tsv"))
        let lines = String(decoding: ranking, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertEqual(lines.count, Self.k + 1, "ranking.tsv: header + k rows", file: file, line: line)
        XCTAssertTrue(lines.first?.hasPrefix("rank\tfeature_id") ?? false, file: file, line: line)
        XCTAssertEqual(ranking, reference.ranking, """
            ranking.tsv differs from gsel select's
            workflow:
            \(String(decoding: ranking, as: UTF8.self))
            select:
            \(String(decoding: reference.ranking, as: UTF8.self))
            """, file: file, line: line)
    }
}
