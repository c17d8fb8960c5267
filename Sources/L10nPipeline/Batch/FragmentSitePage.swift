/// A full HTML page around a localized fragment — a Markdown source rendered to HTML, or an HTML
/// source that is itself a fragment pasted from a CMS (no `<head>`) — for sites that serve them
/// as pages: `<html lang>` (and `dir`), a `<title>` from the first heading
/// and a meta description from the first paragraph (both already localized, since they are the
/// fragment's own text), and the page set's alternates.
package enum FragmentSitePage {
    /// Search engines show about this many characters of a description.
    static let descriptionLimit = 160

    package static func render(fragment: String, language: String, alternates: [SiteAlternate]) -> String {
        let title = firstElementText("h1", in: fragment) ?? firstElementText("h2", in: fragment)
        let description = firstElementText("p", in: fragment).map { shortened($0, to: descriptionLimit) }
        var head = ["<meta charset=\"utf-8\">", "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"]
        if let title { head.append("<title>\(title)</title>") }
        if let description { head.append("<meta name=\"description\" content=\"\(description.replacingOccurrences(of: "\"", with: "&quot;"))\">") }
        head += alternates.map { "<link rel=\"alternate\" hreflang=\"\(SiteHead.escape($0.hreflang))\" href=\"\(SiteHead.escape($0.url))\">" }
        let dir = SiteLayout.direction(of: language).map { " dir=\"\($0)\"" } ?? ""
        var page = "<!DOCTYPE html>\n<html lang=\"\(SiteHead.escape(language))\"\(dir)>\n<head>\n"
        page += head.map { "  " + $0 + "\n" }.joined()
        page += "</head>\n<body>\n" + fragment
        if !fragment.hasSuffix("\n") { page += "\n" }
        return page + "</body>\n</html>\n"
    }

    /// The text of the first `<name>` element (tags dropped, entities kept as written, spaces
    /// collapsed), or nil.
    static func firstElementText(_ name: String, in html: String) -> String? {
        guard let open = SiteHead.findStartTag(name, in: html, outside: SiteHead.commentRanges(html)),
              let close = SiteHead.find("</\(name)>", in: html, from: open.end, ignoringASCIICase: true) else { return nil }
        var text = ""
        var inTag = false
        for c in html[open.end..<close.lowerBound] {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
        }
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }

    /// `text` cut at a word boundary to at most `limit` characters, with an ellipsis when cut.
    static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit - 1))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        // Never end inside an entity reference (`&amp`).
        if let amp = cut.lastIndex(of: "&"), !cut[amp...].contains(";") { cut = String(cut[..<amp]) }
        return cut.trimmingCharacters(in: .whitespaces) + "…"
    }
}
