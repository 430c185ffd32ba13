import XCTest
import GSelIO
import _TestSupport

final class SHA256Tests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// A real file against coreutils' sha256sum.
    func testFileMatchesSha256sum() throws {
        let path = GSelProcess.testData("golub/golub.expr.tsv.gz")
        let r = try GSelProcess.run("sha256sum", [path])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(try SHA256.hex(file: path), String(r.stdout.prefix(64)))
    }
}
