/// One titled card of the report page.
struct ReportSection {
    /// Anchor id (also used in the table of contents).
    let id: String
    /// Heading text, also the table-of-contents entry.
    let heading: String
    /// Body HTML (already escaped).
    let content: String

    func render() -> String {
        "<section id=\"\(id)\" class=\"card\"><h2>\(Markup.escape(heading))</h2>\(content)</section>\n"
    }
}
