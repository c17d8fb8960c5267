import Foundation
import L10nPipeline
import Testing

/// The pieces of site output and planning, one by one: globs, output patterns, shards, the
/// HTML head, Markdown pages, the sitemap.
@Suite struct SiteTests {
    @Test func globs() {
        let md = SourceGlob("corpora/**/*.md")
        #expect(md.matches("corpora/a.md") && md.matches("corpora/x/y/a.md"))
        #expect(!md.matches("corpora/a.html") && !md.matches("other/a.md") && !md.matches("corpora/a.md/b"))
        #expect(md.base == "corpora")
        let one = SourceGlob("./pages/p?.html")
        #expect(one.matches("pages/p1.html") && !one.matches("pages/p10.html"))
        #expect(SourceGlob("*.md").matches("a.md") && !SourceGlob("*.md").matches("x/a.md"))
    }

    @Test func sourceFilesAreSortedAndSkipHiddenFolders() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("l10n-glob-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for path in ["p/b.md", "p/a.md", "p/sub/c.md", "p/.hidden/d.md", "p/e.html", "p/skip.md"] {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("# x\n".utf8).write(to: url)
        }
        let files = SourceGlob.files(in: dir.path, include: [SourceGlob("p/**/*.md")], exclude: [SourceGlob("p/skip.md")])
        #expect(files == ["p/a.md", "p/b.md", "p/sub/c.md"])
    }

    @Test func outputPatterns() {
        let values = OutputPattern.Values(market: "br", language: "pt-BR", relativePath: "tools/drill.md", slug: "furadeira")
        #expect(OutputPattern.expand("out/{market}/{dir}{slug}.{ext}", values) == "out/br/tools/furadeira.md")
        #expect(OutputPattern.expand("{lang}/{path}", values) == "pt-BR/tools/drill.md")
        #expect(OutputPattern.expand("x/{dir}{stem}.xlf", OutputPattern.Values(market: "de", language: "de-DE", relativePath: "drill.md")) == "x/drill.xlf")
        #expect(values.pageKey == "tools/drill")
        #expect(throws: OutputPattern.Problem.self) { try OutputPattern.check("{market") }
        #expect(throws: OutputPattern.Problem.self) { try OutputPattern.check("{country}/x") }
    }

    @Test func shardsPartitionTheCatalogueStably() throws {
        let pages = (0..<200).map { "pages/p\($0).md" }
        for count in [1, 2, 3, 8] {
            let shards = (1...count).map { BatchShard("\($0)/\(count)")! }
            for page in pages { #expect(shards.filter { $0.contains(page) }.count == 1, "\(page) is in exactly one of \(count)") }
            if count > 1 { #expect(shards.allSatisfy { shard in pages.contains { shard.contains($0) } }, "no shard of \(count) is empty on 200 pages") }
        }
        // Stable: a page's shard does not depend on the other pages (and is the same in every run).
        #expect(BatchShard.shard(of: "pages/p7.md", count: 8) == BatchShard.shard(of: "pages/p7.md", count: 8))
        #expect(BatchShard("0/3") == nil && BatchShard("4/3") == nil && BatchShard("1/0") == nil && BatchShard("a/b") == nil && BatchShard("1") == nil)
    }

    static let alternates = [SiteAlternate(hreflang: "de-DE", url: "https://x.example/de/p.html"),
                             SiteAlternate(hreflang: "ar-SA", url: "https://x.example/sa/p.html?a=1&b=2"),
                             SiteAlternate(hreflang: "x-default", url: "https://x.example/de/p.html")]

    @Test func headGetsLangAndAlternatesAndLosesTheSourceSet() {
        let page = """
            <!DOCTYPE html>
            <!-- <html lang="xx"> in a comment stays -->
            <html class="no-js" LANG="en" dir=ltr>
            <head>
              <title>Pump</title>
              <link rel="alternate" hreflang="fr" href="https://old.example/fr">
              <link rel="stylesheet" href="/s.css">
            </head>
            <body><p>Hi</p></body>
            </html>

            """
        let out = SiteHead.decorate(page, language: "ar-SA", alternates: Self.alternates)
        #expect(out.contains("<html class=\"no-js\" lang=\"ar-SA\" dir=\"rtl\">"), "\(out)")
        #expect(out.contains("<!-- <html lang=\"xx\"> in a comment stays -->"))
        #expect(!out.contains("old.example"), "the source's hreflang set is not this site's")
        #expect(out.contains("""
              <link rel="stylesheet" href="/s.css">
              <link rel="alternate" hreflang="de-DE" href="https://x.example/de/p.html">
              <link rel="alternate" hreflang="ar-SA" href="https://x.example/sa/p.html?a=1&amp;b=2">
              <link rel="alternate" hreflang="x-default" href="https://x.example/de/p.html">
            </head>
            """), "\(out)")
        #expect(out.hasSuffix("<body><p>Hi</p></body>\n</html>\n"))
        #expect(SiteHead.decorate(out, language: "ar-SA", alternates: Self.alternates) == out, "decorating twice changes nothing")
        let german = SiteHead.decorate(page, language: "de-DE", alternates: [])
        #expect(german.contains("<html class=\"no-js\" lang=\"de-DE\">"))
    }

    @Test func markdownPageTakesTitleAndDescriptionFromTheFragment() {
        let fragment = "<h1>Bomba <em>AquaFlow</em> &amp; cia</h1>\n<p>" + String(repeating: "Eleva água a 10 m. ", count: 12) + "</p>\n"
        let page = FragmentSitePage.render(fragment: fragment, language: "pt-BR", alternates: Array(Self.alternates.prefix(1)))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"pt-BR\">\n<head>\n"))
        #expect(page.contains("<title>Bomba AquaFlow &amp; cia</title>"))
        let description = try? #require(page.firstMatch(of: /<meta name="description" content="([^"]*)">/)).1
        #expect((description?.count ?? 999) <= 160 && description?.hasSuffix("…") == true)
        #expect(page.contains("<link rel=\"alternate\" hreflang=\"de-DE\""))
        #expect(page.contains("<body>\n" + fragment + "</body>\n</html>\n"))
        #expect(FragmentSitePage.render(fragment: "<p>x</p>", language: "he-IL", alternates: []).contains("<html lang=\"he-IL\" dir=\"rtl\">"))
    }

    @Test func sitemapListsEveryPageWithItsAlternatesEscaped() throws {
        let set = SitePageSet(source: "p.md", pages: [
            .init(market: "de", language: "de-DE", path: "site/de/p.html", url: "https://x.example/de/p.html"),
            .init(market: "br", language: "pt-BR", path: "site/br/p.html", url: "https://x.example/br/p&q.html"),
        ], defaultMarket: "de")
        let xml = try SitemapWriter.write([set], file: "sitemap.xml")
        #expect(xml.components(separatedBy: "<url>").count == 3)
        #expect(xml.contains("<loc>https://x.example/br/p&amp;q.html</loc>"))
        #expect(xml.components(separatedBy: "hreflang=\"x-default\" href=\"https://x.example/de/p.html\"").count == 3)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"))
    }
}
