import Foundation
import GSelReport
import Testing
import _TestSupport

/// Renders the report in headless Chromium (Debian package `chromium`, installed by
/// `scripts/setup.sh --test`) and checks the screenshot with a PNG decoder written
/// against the PNG specification in Python's standard library (zlib + struct).
@Suite struct ReportScreenshotTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Decodes an 8-bit RGB/RGBA PNG (all five scanline filters; "Up" rows with whole-row
    /// byte arithmetic for speed) and reports size and colour statistics of every other pixel.
    static let pngStats = """
    import sys, zlib, struct, json
    data = open(sys.argv[1], "rb").read()
    assert data[:8] == b"\\x89PNG\\r\\n\\x1a\\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert depth == 8 and ctype in (2, 6), f"unsupported PNG depth {depth} colour type {ctype}"
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    low = int.from_bytes(b"\\x7f" * stride, "big")
    high = int.from_bytes(b"\\x80" * stride, "big")
    def add_bytes(x, y):
        # bytewise (x + y) mod 256 on whole rows, without carries between bytes
        a, b = int.from_bytes(x, "big"), int.from_bytes(y, "big")
        return bytearray((((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(stride, "big"))
    prev = bytearray(stride)
    counts = {}
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 2:
            line = add_bytes(line, prev)
        elif f in (1, 3, 4):
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                if f == 1: line[i] = (line[i] + a) & 255
                elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                else:
                    c = prev[i - bpp] if i >= bpp else 0
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 2 == 0:
            for x in range(0, stride, bpp * 2):
                rgb = bytes(line[x:x + 3])
                counts[rgb] = counts.get(rgb, 0) + 1
        prev = line
    total = sum(counts.values())
    def near(target):
        return sum(n for rgb, n in counts.items() if max(abs(rgb[k] - target[k]) for k in range(3)) <= 24)
    print(json.dumps({"width": width, "height": height, "distinct": len(counts),
                      "dominantShare": max(counts.values()) / total,
                      "has": {name: near(rgb) for name, rgb in
                              {"blue": (0, 114, 178), "lightBlue": (169, 204, 227), "header": (11, 61, 99)}.items()}}))
    """

    @Test(arguments: ["expression", "genotypes"])
    func chromiumRendersANonBlankPage(_ kind: String) throws {
        let browser = try #require(ReportScreenshotTests.chromium, "chromium is not installed: run scripts/setup.sh --test")
        let dir = try TemporaryDirectory("gsel-shot")
        let html = dir.path("report.html"), png = dir.path("report.png")
        try ReportWriter.write(kind == "expression" ? SampleReport.expression() : SampleReport.genotypes(), to: html)
        let result = try GSelProcess.run("/usr/bin/timeout", [
            "120", browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(dir.path("profile"))", "--screenshot=\(png)", "--window-size=1200,3000",
            URL(fileURLWithPath: html).absoluteString,
        ])
        #expect(result.status == 0, "chromium failed: \(result.stderr)")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: png)[.size] as? Int)
        #expect(size > 50_000, "a 1200x3000 screenshot of the report should not be nearly empty (\(size) bytes)")

        let stats = try #require(try JSONSerialization.jsonObject(with: Data(Support.python(ReportScreenshotTests.pngStats, [png]).utf8)) as? [String: Any])
        #expect(stats["width"] as? Int == 1200)
        #expect(stats["height"] as? Int == 3000)
        #expect((stats["distinct"] as? Int ?? 0) > 200, "text, charts and colour scales give many colours")
        #expect((stats["dominantShare"] as? Double ?? 1) < 0.85, "the page is not one flat colour")
        let has = try #require(stats["has"] as? [String: Int])
        #expect(has["header"] ?? 0 > 1000, "the page header is drawn")
        #expect(has["blue"] ?? 0 > 500, "stable bars / series in Okabe–Ito blue are drawn")
        #expect(has["lightBlue"] ?? 0 > 200, "below-threshold bars are drawn")
        if let keep = ProcessInfo.processInfo.environment["GSEL_KEEP_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: "\(keep)/\(kind).png")
            try FileManager.default.copyItem(atPath: png, toPath: "\(keep)/\(kind).png")
            try? FileManager.default.removeItem(atPath: "\(keep)/\(kind).html")
            try FileManager.default.copyItem(atPath: html, toPath: "\(keep)/\(kind).html")
        }
    }
}
