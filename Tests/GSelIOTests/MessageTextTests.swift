import GSelIO
import XCTest

/// Error messages quote the input: control characters must be escaped and long lists cut.
final class MessageTextTests: XCTestCase {
    func testControlCharactersAreEscaped() {
        XCTAssertEqual(MessageText.escaped("a\u{1b}[31mb\rc\td\ne\u{0}f\u{7f}g\u{85}h"),
                       "a\\x1b[31mb\\rc\\td\\ne\\x00f\\x7fg\\u{85}h")
        XCTAssertEqual(MessageText.escaped("plain ünïcode ±3.4e38"), "plain ünïcode ±3.4e38")
    }

    func testInputErrorDescriptionIsOnePrintableBoundedLine() {
        let error = InputError(file: "in\u{1b}.tsv", location: "line 2", "found '\u{1b}]0;title\u{7}'" + String(repeating: "x", count: 10_000))
        let text = error.description
        XCTAssertTrue(text.hasPrefix("in\\x1b.tsv: line 2: found '\\x1b]0;title\\x07'"), text)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f })
        XCTAssertLessThanOrEqual(text.count, 4100)
        XCTAssertTrue(text.contains("characters cut"), text)
    }

    func testListsShowTwentyItemsAndACount() {
        let names = (0 ..< 10_000).map { "class_\($0)" }
        let list = MessageText.list(names)
        XCTAssertTrue(list.hasPrefix("class_0, class_1, "), list)
        XCTAssertTrue(list.hasSuffix("class_19, … (10000 in all)"), list)
        XCTAssertEqual(MessageText.list(["a", "b"]), "a, b")
    }
}
