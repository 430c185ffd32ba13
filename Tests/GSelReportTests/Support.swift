import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import _TestSupport

/// Small helpers shared by the report tests.
enum Support {
    /// Runs a Python snippet with `GSelProcess.python`, passing `arguments`; returns stdout, failing on a non-zero exit.
    static func python(_ script: String, _ arguments: [String] = []) throws -> String {
        let result = try GSelProcess.run(GSelProcess.python, ["-c", script] + arguments)
        guard result.status == 0 else {
            throw TestFailure("python exited with \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// Parses `text` as XML with Foundation's parser; returns the element names in document order,
    /// or throws with the parser's error and line.
    static func parseXML(_ text: String) throws -> XMLSummary {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = XMLCollector()
        parser.delegate = collector
        guard parser.parse() else {
            throw TestFailure("XML parse failed at line \(parser.lineNumber), column \(parser.columnNumber): \(parser.parserError.map(String.init(describing:)) ?? "unknown")")
        }
        return XMLSummary(elements: collector.elements, texts: collector.texts, svgTexts: collector.svgTexts)
    }

    /// Every `<svg ...>...</svg>` fragment of `html`.
    static func svgFragments(_ html: String) -> [String] {
        var fragments: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest[start.lowerBound...].range(of: "</svg>") {
            fragments.append(String(rest[start.lowerBound ..< end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return fragments
    }

    /// The HTML of `<section id="id" ...>...</section>`, or nil.
    static func section(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "<section id=\"\(id)\""),
              let end = html[start.lowerBound...].range(of: "</section>") else { return nil }
        return String(html[start.lowerBound ..< end.upperBound])
    }
}

/// What the XML parser saw: element names, text runs, and the text of each SVG `<text>` element.
struct XMLSummary {
    var elements: [String]
    var texts: [String]
    var svgTexts: [String]
}

/// XMLParser delegate that records element names and character data.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var texts: [String] = []
    var svgTexts: [String] = []
    private var stack: [String] = []
    private var current = ""
    private var currentSVGText = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        flush()
        elements.append(elementName)
        stack.append(elementName)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        flush()
        stack.removeLast()
        if elementName == "text" {
            svgTexts.append(currentSVGText)
            currentSVGText = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current += string
        if stack.last == "text" { currentSVGText += string }
    }

    private func flush() {
        if !current.isEmpty { texts.append(current) }
        current = ""
    }
}

/// A test failure with a message.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
