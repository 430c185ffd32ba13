import Foundation
import XCTest
import _TestSupport

/// The built binary on a planted dataset with a known answer.
final class PlantedSignalEndToEndTests: XCTestCase {
    func testSequentialAttentionRecoversPlantedSetWhereMarginalTakesDuplicates() throws {
        let dir = try TemporaryDirectory()
        let planted = PlantedSignal(samples: 600, features: 200, pair: .synergy(weight: 1.5), seed: 2)
        let (matrix, labels) = planted.tsv()
        try dir.write("x.tsv", matrix)
        try dir.write("y.tsv", labels)
        let k = planted.informative.count
        func run(_ method: String) throws -> [Int] {
            let out = dir.path("out-\(method)")
            let r = try GSelProcess.gsel(["--input", dir.path("x.tsv"), "--labels", dir.path("y.tsv"), "--k", "\(k)",
                                          "--method", method, "--repeats", "0", "--validation-fraction", "0",
                                          "--seed", "2", "--out", out, "--quiet"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let rows = try OutputFiles.tsv(out + "/ranking.tsv")
            XCTAssertEqual(rows.count, k)
            return rows.map { Int($0["feature_id"]!.dropFirst())! }
        }
        let sa = Set(try run("sa"))
        let copyOf = Dictionary(uniqueKeysWithValues: planted.duplicates)
        for j in planted.xorPair { XCTAssertTrue(sa.contains(j), "SA missed the jointly informative f\(j)") }
        for j in planted.linear { XCTAssertTrue(sa.contains(j) || sa.contains(copyOf[j] ?? -1), "SA missed f\(j)") }
        for (a, b) in planted.duplicates { XCTAssertFalse(sa.contains(a) && sa.contains(b), "SA took both f\(a) and f\(b)") }
        let marginal = Set(try run("marginal"))
        XCTAssertTrue(planted.duplicates.contains { marginal.contains($0.0) && marginal.contains($0.1) },
                      "the univariate filter should take both copies of a duplicated feature")
        XCTAssertFalse(marginal.contains(planted.xorPair[0]), "x_a carries nothing alone")
    }
}
