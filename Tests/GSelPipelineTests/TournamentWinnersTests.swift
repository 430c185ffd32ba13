import Foundation
import GSelCore
import GSelIO
import GSelPipeline
import XCTest
import _TestSupport

/// `aggregate --tournament` checks each chunk's winners.json at the boundary (issue 24): a
/// list with no winners, a repeated winner, more winners than the chunk hands over, or an
/// id that is not a feature of that chunk is refused, naming the file and what was expected.
final class TournamentWinnersTests: XCTestCase {
    private static let execution = Pipeline.Execution(threads: 2)

    func testDamagedWinnerListsAreRefusedNamingTheFile() throws {
        let dir = try TemporaryDirectory()
        var parameters = GolubRun.parameters(repeats: 1, method: .marginal)
        var folders: [String] = []
        for index in 1 ... 2 {
            parameters.input.chunking = ChunkParameters(count: 2, index: index)
            let folder = dir.path("chunk\(index)")
            try Pipeline.select(parameters, out: folder, execution: Self.execution)
            folders.append(folder)
        }
        let file = folders[0] + "/" + ChunkWinners.fileName
        let original = try Data(contentsOf: URL(fileURLWithPath: file))
        let own = try ChunkWinners.read(folders[0]).winners, other = try ChunkWinners.read(folders[1]).winners
        XCTAssertEqual(own.count, 5)
        let expected = "expected 1 to 5 distinct feature ids of chunk 1, best first (--chunk-winners, else --k)"
        let cases: [(String, [String], String)] = [
            ("none", [], "lists no winners; \(expected)"),
            ("repeated", Array(repeating: own[0], count: 4), "lists winner '\(own[0])' twice (positions 1 and 2); \(expected)"),
            ("too many", own + [other[0]], "lists 6 winners; \(expected)"),
            ("foreign", [own[0], other[1]], "winner '\(other[1])' is not a feature of chunk 1 of 2 of this input; expected ids of that chunk's features (1526 after QC)"),
        ]
        for (name, winners, message) in cases {
            var json = try XCTUnwrap(JSONSerialization.jsonObject(with: original) as? [String: Any])
            json["winners"] = winners
            try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
            let refused = GolubRun.error {
                try Pipeline.tournament(directories: folders, out: dir.path("final"), execution: Self.execution)
            }
            XCTAssertEqual(refused, "\(file): \(message)", name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("final")), "\(name): nothing written")
        }
        // The intact list is accepted.
        try original.write(to: URL(fileURLWithPath: file))
        XCTAssertEqual(try Pipeline.tournament(directories: folders, out: dir.path("final"), execution: Self.execution).run.units.count, 10)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.path("final/run.json")))
    }
}
