/// A plain HTML table: header cells, body rows of pre-escaped HTML, numeric columns right-aligned.
struct HTMLTable {
    struct Column {
        let title: String
        let numeric: Bool
        init(_ title: String, numeric: Bool = false) {
            self.title = title
            self.numeric = numeric
        }
    }

    let columns: [Column]
    /// Cell HTML (already escaped), one array per row.
    var rows: [[String]] = []
    /// Extra class on the `<table>` element.
    var cssClass: String?

    func render() -> String {
        var out = cssClass.map { "<table class=\"\($0)\">" } ?? "<table>"
        out += "<thead><tr>"
        for c in columns { out += c.numeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">"; out += Markup.escape(c.title) + "</th>" }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (c, cell) in zip(columns, row) {
                out += c.numeric ? "<td class=\"num\">" : "<td>"
                out += cell + "</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// A two-column key/value table; keys are escaped here, values must be HTML already.
    static func keyValue(_ pairs: [(key: String, valueHTML: String)]) -> String {
        var out = "<table class=\"kv\"><tbody>"
        for pair in pairs {
            out += "<tr><th scope=\"row\">\(Markup.escape(pair.key))</th><td>\(pair.valueHTML)</td></tr>"
        }
        return out + "</tbody></table>"
    }
}
