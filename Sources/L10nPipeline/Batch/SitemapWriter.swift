/// `sitemap.xml` for a localized catalogue: one `<url>` per localized page, each with the
/// `xhtml:link` alternates of its page set (itself included, plus `x-default`), as search
/// engines document for multilingual sites. Ordered by source then market, no `lastmod`: the
/// same catalogue gives the same bytes.
///
/// The protocol allows 50,000 URLs per file; more is an error naming the limit rather than a
/// file crawlers would refuse.
package enum SitemapWriter {
    package static let urlLimit = 50_000
    package static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    package static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"

    package static func write(_ sets: [SitePageSet], file: String) throws -> String {
        let count = sets.reduce(0) { $0 + $1.pages.count }
        guard count <= urlLimit else {
            throw PipelineError(.usage, "would list \(count) URLs; a sitemap may list \(urlLimit): split the catalogue into several projects", file: file)
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"\(namespace)\" xmlns:xhtml=\"\(xhtmlNamespace)\">\n"
        for set in sets {
            let alternates = set.alternates
            for page in set.pages {
                xml += "  <url>\n    <loc>\(escape(page.url))</loc>\n"
                for link in alternates {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(escape(link.hreflang))\" href=\"\(escape(link.url))\"/>\n"
                }
                xml += "  </url>\n"
            }
        }
        return xml + "</urlset>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&apos;")
    }
}
