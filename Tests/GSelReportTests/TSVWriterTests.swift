import Foundation
import GSelReport
import Testing
import _TestSupport

@Suite struct TSVWriterTests {
    @Test func cellsUseShortestRoundTripNumbersAndNA() {
        #expect(TSVCell.double(0.1).text == "0.1")
        #expect(TSVCell.double(1e-5).text == "1e-05")
        #expect(TSVCell.double(-0.0).text == "0.0")
        #expect(TSVCell.double(3).text == "3.0")
        #expect(TSVCell.double(nil).text == "NA")
        #expect(TSVCell.double(.nan).text == "NA")
        #expect(TSVCell.double(-.infinity).text == "-Inf")
        #expect(TSVCell.float(0.1).text == "0.1", "Float32 keeps its own shortest form")
        #expect(TSVCell.double(Double(Float(0.1))).text == "0.10000000149011612")
        #expect(TSVCell.int(nil).text == "NA")
        #expect(TSVCell.bool(true).text == "true")
        #expect(TSVCell.bool(nil).text == "NA")
        #expect(TSVCell.text("a\tb\nc").text == "a b c")
        #expect(TSVCell.rounded(0.19176190875296015).text == "0.1918")
        #expect(TSVCell.rounded(12.5).text == "12.50")
        #expect(TSVCell.rounded(0.000123456).text == "1.235e-04")
        #expect(TSVCell.rounded(nil).text == "NA")
        #expect(TSVCell.rounded(0.99995).text == "1.000", "a carry into a new digit keeps 4 digits")
        #expect(TSVCell.rounded(999.96).text == "1000")
        #expect(TSVCell.rounded(-2.5).text == "-2.500")
    }

    @Test func tableStartsWithItsHeader() {
        var table = TSVWriter(columns: ["rank", "feature_id", "selection_frequency"])
        table.append([1, "ZYX", 0.98])
        table.append([2, .text("CST3"), .double(nil)])
        #expect(table.text == "rank\tfeature_id\tselection_frequency\n1\tZYX\t0.98\n2\tCST3\tNA\n")
    }

    /// pandas reads the file back to exactly the values written (bit for bit for every double).
    @Test func pandasReadsBackTheExactValues() throws {
        let dir = try TemporaryDirectory("gsel-tsv")
        let path = dir.path("ranking.tsv")
        var generator = SystemRandomNumberGenerator()
        let values: [Double] = [0, 1, -1, 0.1, 1.0 / 3, 2.0 / 3, 1e-300, 5e-324, 1.7976931348623157e308, 123456789.125, -2.5e-7, 0.98]
            + (0 ..< 50).map { _ in Double.random(in: -1e6 ... 1e6, using: &generator) * pow(10, Double(Int.random(in: -20 ... 5, using: &generator))) }
        let floats: [Float] = values.map { Float(exactly: $0) ?? Float($0.clamped) }
        var table = TSVWriter(columns: ["feature_id", "value", "value32", "stable", "order"])
        for (i, v) in values.enumerated() {
            table.append([.text("gene_\(i)"), .double(v), .float(floats[i]), .bool(i % 3 == 0 ? nil : i % 2 == 0), .int(i % 5 == 0 ? nil : i)])
        }
        try table.write(to: path)

        let script = """
        import sys, json, pandas as pd
        df = pd.read_csv(sys.argv[1], sep="\\t", keep_default_na=False, na_values=["NA"], float_precision="round_trip")
        print(json.dumps({
            "columns": list(df.columns),
            "ids": list(df["feature_id"]),
            "value": [repr(float(x)) for x in df["value"]],
            "value32": [repr(float(x)) for x in df["value32"]],
            "stable": [None if pd.isna(x) else (x == True or x == "True" or x == "true") for x in df["stable"]],
            "order": [None if pd.isna(x) else int(x) for x in df["order"]],
        }))
        """
        let out = try Support.python(script, [path])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(parsed["columns"] as? [String] == ["feature_id", "value", "value32", "stable", "order"])
        #expect(parsed["ids"] as? [String] == values.indices.map { "gene_\($0)" })
        let readBack = try #require(parsed["value"] as? [String]).map { Double($0) }
        #expect(readBack == values.map { Optional($0) })
        let read32 = try #require(parsed["value32"] as? [String]).map { Double($0).map(Float.init) }
        #expect(read32 == floats.map { Optional($0) })
        let stable = try #require(parsed["stable"] as? [Any])
        for (i, flag) in stable.enumerated() {
            if i % 3 == 0 { #expect(flag is NSNull) } else { #expect(flag as? Bool == (i % 2 == 0)) }
        }
        let order = try #require(parsed["order"] as? [Any])
        for (i, n) in order.enumerated() {
            if i % 5 == 0 { #expect(n is NSNull) } else { #expect(n as? Int == i) }
        }
    }
}

private extension Double {
    /// Clamped into Float's finite range.
    var clamped: Double { Swift.min(Swift.max(self, -Double(Float.greatestFiniteMagnitude)), Double(Float.greatestFiniteMagnitude)) }
}
