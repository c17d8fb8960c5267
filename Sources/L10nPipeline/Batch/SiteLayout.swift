import Foundation
import L10nAdapt

/// Where a project's localized pages are served: from the `site` settings and the output
/// patterns, the served file and absolute URL of every page in every market. Computed from the
/// configuration alone (not from what a run wrote), so every shard agrees on every page's links.
package struct SiteLayout: Sendable {
    package let site: ProjectConfiguration.Site
    private let configuration: ProjectConfiguration
    private let languages: [String: String]
    private let baseURL: String

    /// Languages written right to left: their pages get `dir="rtl"`.
    package static let rightToLeft: Set<String> = ["ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"]

    package init(_ configuration: ProjectConfiguration, site: ProjectConfiguration.Site, markets: [MarketProfile], file: String) throws {
        self.configuration = configuration
        self.site = site
        var languages: [String: String] = [:]
        var seen: [String: String] = [:]
        for market in markets {
            if let other = seen[market.language.lowercased()] {
                throw ProjectConfigurationError(file: file, keyPath: "markets",
                                                message: "'\(other)' and '\(market.id)' are both \(market.language): one hreflang may name one page; keep one of them in a site")
            }
            seen[market.language.lowercased()] = market.id
            languages[market.id] = market.language
        }
        self.languages = languages
        baseURL = site.baseURL.hasSuffix("/") ? site.baseURL : site.baseURL + "/"
    }

    /// The pattern of the served page for a source of this extension: the localized document
    /// for HTML, the rendered page (if any) for Markdown.
    package func pagePattern(forExtension ext: String) -> String? {
        ["md", "markdown"].contains(ext.lowercased()) ? site.markdownPages : configuration.output.document
    }

    /// The page set of `source` (a project-relative path), or nil when it has no served page.
    package func pageSet(for source: String) throws -> SitePageSet? {
        guard let pattern = pagePattern(forExtension: (source as NSString).pathExtension) else { return nil }
        let relative = ProjectPaths.relative(source, below: configuration.source.root) ?? source
        var pages: [SitePageSet.Page] = []
        for market in configuration.markets {
            let language = languages[market] ?? market
            var values = OutputPattern.Values(market: market, language: language, relativePath: relative)
            values.slug = site.slugs[market]?[values.pageKey]
            let path = ProjectPaths.normalize(OutputPattern.expand(pattern, values))
            guard let served = ProjectPaths.relative(path, below: site.root) else {
                throw ProjectConfigurationError(file: ProjectConfiguration.fileName, keyPath: "site.root",
                                                message: "\(path) (the \(market) page of \(source)) is not below the site root '\(site.root)', so it has no URL")
            }
            pages.append(.init(market: market, language: language, path: path, url: baseURL + Self.encodePath(served)))
        }
        return SitePageSet(source: source, pages: pages, defaultMarket: site.defaultMarket)
    }

    /// Percent-encodes each path segment (RFC 3986), keeping `/`.
    static func encodePath(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~!$&'()*+,;=:@")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }.joined(separator: "/")
    }

    package static func direction(of language: String) -> String? {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return rightToLeft.contains(primary) ? "rtl" : nil
    }
}
