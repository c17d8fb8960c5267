/// The language a localized HTML page declares: written by ``DocumentMerger`` into every
/// translated page, and by the batch's site pages (``SiteHead``) with their alternates. Attribute
/// parsing is ``SiteHead``'s.
enum HTMLPageLanguage {
    /// `html` with its `<html>` tag declaring `language`: `lang` (and `xml:lang` where the page
    /// had one) set, `dir="rtl"` for a right-to-left language, its other attributes kept. A
    /// fragment without `<html>` is returned as it is.
    static func declaring(_ language: String, in html: String) -> String {
        var text = html
        guard let tag = SiteHead.findStartTag("html", in: text, outside: SiteHead.commentRanges(html)) else { return text }
        let present = SiteHead.parseAttributes(String(text[tag.attributes]))
        var attributes = present.filter { !["lang", "dir", "xml:lang"].contains($0.name.lowercased()) }
        attributes.append(SiteHead.Attribute(name: "lang", raw: "lang=\"\(SiteHead.escape(language))\""))
        if present.contains(where: { $0.name.lowercased() == "xml:lang" }) {
            attributes.append(SiteHead.Attribute(name: "xml:lang", raw: "xml:lang=\"\(SiteHead.escape(language))\""))
        }
        if let dir = SiteLayout.direction(of: language) { attributes.append(SiteHead.Attribute(name: "dir", raw: "dir=\"\(dir)\"")) }
        text.replaceSubrange(tag.attributes, with: attributes.map { " " + $0.raw }.joined())
        return text
    }
}
