import Foundation
import GSelCore
import GSelIO
import GSelPipeline
import XCTest
import _TestSupport

/// A run whose store exceeds --max-memory streams it from the on-disk cache and writes the
/// ranking of the run that holds it in memory, byte for byte, for the same seed: Sequential
/// Attention and OMP on a delimited table, and a screened Sequential Attention fit on a VCF
/// (the screen's OMP streamed from disk against the in-memory dense copy, the kept columns
/// read through from the file against a compact copy).
final class StreamingRunTests: XCTestCase {
    /// Runs `parameters` without a budget and with `budget` bytes; returns both rankings.
    private func rankings(_ parameters: RunParameters, budget: Int) throws -> (memory: Data, disk: Data) {
        let dir = try TemporaryDirectory()
        try Pipeline.select(parameters, out: dir.path("memory"), execution: GolubRun.execution)
        var small = parameters
        small.input.decoding.memoryBudget = MemoryBudget(bytes: budget)
        let run = try Pipeline.select(small, out: dir.path("disk"), execution: GolubRun.execution)
        XCTAssertTrue(run.run.input.matrix.matrix is DiskBackedMatrix, "\(type(of: run.run.input.matrix.matrix))")
        return (try GolubRun.ranking(dir.path("memory")), try GolubRun.ranking(dir.path("disk")))
    }

    func testDelimitedTableStreamedRanksAsInMemory() throws {
        // Golub: 464 KB of Float32; a 300 KB budget spills it and keeps every per-fit copy to
        // 75 KB (a network of 2 hidden units fits the budget).
        for method in [SelectionMethod.sa, .omp] {
            var parameters = GolubRun.parameters(seed: 3, repeats: 2, method: method)
            parameters.selection.sequentialAttention.hidden = [2]
            let (memory, disk) = try rankings(parameters, budget: 300_000)
            XCTAssertEqual(String(decoding: disk, as: UTF8.self), String(decoding: memory, as: UTF8.self), "\(method)")
        }
    }

    func testScreenedVCFRunStreamedRanksAsInMemory() throws {
        var input = InputParameters(path: GSelProcess.testData("hs1940/hs1940_mouse.vcf.gz"))
        input.labels = GSelProcess.testData("hs1940/hs1940_mouse.pheno.tsv")
        input.labelColumn = "pheno1"
        var selection = SelectionParameters(k: 4)
        selection.repeats = 1
        selection.seed = 11
        selection.sequentialAttention.screenSize = 300
        selection.sequentialAttention.epochs = 2
        selection.sequentialAttention.minimumSteps = 200
        // 18 MB of dosage codes against 512 KiB: the screen's OMP streams from disk (the
        // in-memory run holds a dense copy) and the 300 kept columns are read through.
        let (memory, disk) = try rankings(RunParameters(input: input, selection: selection), budget: 512 << 10)
        XCTAssertEqual(String(decoding: disk, as: UTF8.self), String(decoding: memory, as: UTF8.self))
    }
}
