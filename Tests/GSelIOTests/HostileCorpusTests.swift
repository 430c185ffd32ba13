import Foundation
import GSelIO
import XCTest
import _TestSupport

/// Replays the hostile-input corpus (`TestData/hostile/cases.tsv`) through the readers in
/// process, as the CLI reads an input: the matrix, then the labels aligned to its samples,
/// then the covariates of `--covariates`.
/// Each error case must throw one `InputError` naming the input or label file and holding
/// the expected text; each `ok:` case must load and note the expected text. A case that has
/// not finished after the time limit (a hang) fails without stopping the others. Cases the
/// HDF5 watchdog or crash guard ends by exiting the process are replayed by the CLI tests only.
final class HostileCorpusTests: XCTestCase {
    /// A hang guard, not a benchmark: every case ends in well under a second.
    static let timeLimit: TimeInterval = 30

    func testEveryCaseEndsAsExpected() throws {
        let cases = try HostileCorpus.cases()
        XCTAssertGreaterThanOrEqual(cases.count, 30, "cases.tsv lists the corpus")
        for c in cases where c.inProcess {
            guard let outcome = Self.run(c, timeLimit: Self.timeLimit) else {
                XCTFail("\(c): still running after \(Self.timeLimit) s")
                continue
            }
            switch (c.expectation, outcome) {
            case (.error(let fragment), .failure(let error)):
                guard let inputError = error as? InputError else {
                    XCTFail("\(c): expected an InputError, got \(type(of: error)): \(error)")
                    continue
                }
                XCTAssertTrue(c.files.contains(inputError.file), "\(c): names \(inputError.file)")
                XCTAssertTrue(inputError.description.contains(fragment), "\(c): expected '\(fragment)' in: \(inputError)")
            case (.error(let fragment), .success):
                XCTFail("\(c): loaded, expected an error with '\(fragment)'")
            case (.success(let fragment), .success(let notes)):
                XCTAssertTrue(notes.contains { $0.contains(fragment) }, "\(c): expected '\(fragment)' in the notes: \(notes)")
            case (.success, .failure(let error)):
                XCTFail("\(c): expected to load, got: \(error)")
            }
        }
    }

    /// Reads the case's input and labels on another thread; nil when that takes longer than
    /// `timeLimit` (the thread is left behind). Success carries the reader's and labels' notes.
    private static func run(_ c: HostileCorpus.Case, timeLimit: TimeInterval) -> Result<[String], any Error>? {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        Thread.detachNewThread {
            box.result = Result { try load(c) }
            done.signal()
        }
        return done.wait(timeout: .now() + timeLimit) == .success ? box.result : nil
    }

    private static func load(_ c: HostileCorpus.Case) throws -> [String] {
        var options = ReaderOptions()
        options.decoding.dataset = c.argument("--dataset")
        if let field = c.argument("--vcf-field") { options.decoding.vcfField = try XCTUnwrap(VCFField(rawValue: field)) }
        if let size = c.argument("--max-memory") { options.decoding.memoryBudget = try XCTUnwrap(MemoryBudget(parsing: size)) }
        let labels = try LabelTable.load(path: c.labels)
        options.labelSampleIDs = Set(labels.sampleIDs)
        let matrix = try InputFormat.reader(for: c.input).load(options: options)
        let task = c.argument("--task").flatMap(TaskKind.init(rawValue:))
        let aligned = try labels.align(to: matrix.sampleIDs, task: task)
        let covariates = try c.argument("--covariates").map { file in
            try CovariateTable.load(path: file, columns: nil)
                .encode(matrixSampleIDs: matrix.sampleIDs, rows: aligned.rows, featureIDs: matrix.features.map(\.id))
        }
        return matrix.notes + aligned.notes + (covariates?.notes ?? [])
    }
}

/// The outcome handed from the loading thread to the test.
private final class ResultBox: @unchecked Sendable {
    var result: Result<[String], any Error>?
}
