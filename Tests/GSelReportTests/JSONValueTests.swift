import Foundation
import GSelReport
import Testing
import _TestSupport

@Suite struct JSONValueTests {
    static let document: JSONValue = [
        "version": "gsel 0.1.0",
        "command": .array(["gsel", "--input", "a \"quoted\" path\\with\ttab\nand\u{01}control", "ü ∑ 🧬"]),
        "samples": 38,
        "threshold": 0.6,
        "error_bound": .number(400.0 / (0.2 * 3051)),
        "tiny": 1e-05,
        "huge": 1.5e300,
        "not_a_number": .number(.nan),
        "stable": true,
        "seed": nil,
        "empty_array": [],
        "empty_object": .object([]),
        "timings": ["read": 0.41, "select": 73.2],
        "zeta_before_alpha": ["z": 1, "a": 2],
    ]

    @Test func prettyPrintedLayout() {
        let small: JSONValue = ["a": 1, "b": [true, nil], "c": .object([]), "d": [], "e": ["f": "g"]]
        #expect(small.rendered() == """
        {
          "a": 1,
          "b": [
            true,
            null
          ],
          "c": {},
          "d": [],
          "e": {
            "f": "g"
          }
        }

        """)
    }

    @Test func foundationParsesTheValuesBack() throws {
        let text = JSONValueTests.document.rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "gsel 0.1.0")
        #expect(object["command"] as? [String] == ["gsel", "--input", "a \"quoted\" path\\with\ttab\nand\u{01}control", "ü ∑ 🧬"])
        #expect(object["samples"] as? Int == 38)
        #expect(object["threshold"] as? Double == 0.6)
        // swift-corelibs-foundation's number parser is not correctly rounded (last-digit errors),
        // so exactness is checked through Python below; here within 4 ulp.
        let bound = try #require(object["error_bound"] as? Double)
        #expect(abs(bound - 400.0 / (0.2 * 3051)) <= 4 * (400.0 / (0.2 * 3051)).ulp)
        #expect(object["tiny"] as? Double == 1e-05)
        #expect(object["huge"] as? Double == 1.5e300)
        #expect(object["not_a_number"] is NSNull)
        #expect(object["stable"] as? Bool == true)
        #expect(object["seed"] is NSNull)
        #expect((object["empty_array"] as? [Any])?.isEmpty == true)
        #expect((object["empty_object"] as? [String: Any])?.isEmpty == true)
        #expect((object["timings"] as? [String: Double]) == ["read": 0.41, "select": 73.2])
    }

    /// Python's json module sees the same keys in the same order and the exact doubles.
    @Test func pythonSeesOrderedKeysAndExactNumbers() throws {
        let dir = try TemporaryDirectory("gsel-json")
        let path = dir.path("run.json")
        try JSONValueTests.document.write(to: path)
        let script = """
        import sys, json
        doc = json.load(open(sys.argv[1]), object_pairs_hook=lambda pairs: {"__keys__": [k for k, _ in pairs], **dict(pairs)})
        print(json.dumps({"keys": doc["__keys__"], "nested": doc["zeta_before_alpha"]["__keys__"],
                          "bound": repr(doc["error_bound"]), "tiny": repr(doc["tiny"]), "command": doc["command"]}))
        """
        let out = try #require(try JSONSerialization.jsonObject(with: Data(try Support.python(script, [path]).utf8)) as? [String: Any])
        #expect(out["keys"] as? [String] == ["version", "command", "samples", "threshold", "error_bound", "tiny", "huge",
                                             "not_a_number", "stable", "seed", "empty_array", "empty_object", "timings",
                                             "zeta_before_alpha"])
        #expect(out["nested"] as? [String] == ["z", "a"])
        #expect((out["bound"] as? String).flatMap(Double.init) == 400.0 / (0.2 * 3051))
        #expect((out["tiny"] as? String).flatMap(Double.init) == 1e-05)
        #expect((out["command"] as? [String])?[2] == "a \"quoted\" path\\with\ttab\nand\u{01}control")
    }

    @Test func optionalInitialisersAndFloat32() {
        #expect(JSONValue(Optional<Int>.none) == .null)
        #expect(JSONValue(Optional(3)) == .int(3))
        #expect(JSONValue(Float(0.1)).rendered() == "0.1\n")
        #expect(JSONValue(Optional<String>.none).rendered() == "null\n")
        #expect(JSONValue.number(.infinity).rendered() == "null\n")
    }
}
