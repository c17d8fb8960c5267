/// One entry of a page's hreflang set: the language (BCP 47, or `x-default`) and the absolute
/// URL of the page for it.
package struct SiteAlternate: Hashable, Sendable {
    package var hreflang: String
    package var url: String

    package static let xDefault = "x-default"

    package init(hreflang: String, url: String) {
        self.hreflang = hreflang
        self.url = url
    }
}

/// A source page across every market: where each localized page is written and served. Every
/// page of the set lists the whole set (itself included) plus `x-default`, which is what makes
/// the links reciprocal, as search engines require.
package struct SitePageSet: Hashable, Sendable {
    package struct Page: Hashable, Sendable {
        package var market: String
        package var language: String
        /// Project-relative path of the served file.
        package var path: String
        package var url: String

        package init(market: String, language: String, path: String, url: String) {
            self.market = market
            self.language = language
            self.path = path
            self.url = url
        }
    }

    package var source: String
    package var pages: [Page]
    package var defaultMarket: String?

    package init(source: String, pages: [Page], defaultMarket: String?) {
        self.source = source
        self.pages = pages
        self.defaultMarket = defaultMarket
    }

    /// The `<link rel="alternate">` set every page of this set carries.
    package var alternates: [SiteAlternate] {
        var links = pages.map { SiteAlternate(hreflang: $0.language, url: $0.url) }
        if let market = defaultMarket, let page = pages.first(where: { $0.market == market }) {
            links.append(SiteAlternate(hreflang: SiteAlternate.xDefault, url: page.url))
        }
        return links
    }
}
