import Foundation
import XCTest
import _TestSupport

/// CITATION.cff is valid CFF 1.2.0 according to cffconvert (installed by scripts/test.sh).
final class CitationTests: XCTestCase {
    func testCitationFileValidates() throws {
        let path = GSelProcess.packageRoot.appendingPathComponent("CITATION.cff").path
        let cff = GSelProcess.packageRoot.appendingPathComponent(".venv-cff/bin/cffconvert").path
        let tool = FileManager.default.isExecutableFile(atPath: cff) ? cff : "cffconvert"
        let r = try GSelProcess.run(tool, ["--validate", "-i", path])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("arXiv:2209.14881"))
        XCTAssertTrue(text.contains("10.1111/j.1467-9868.2010.00740.x"))
        XCTAssertTrue(text.contains("10.1111/j.1467-9868.2011.01034.x"))
    }
}
