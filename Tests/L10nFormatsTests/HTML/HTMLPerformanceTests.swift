import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nFormats

@Suite struct HTMLPerformanceTests {
    /// A few megabytes of realistic markup read in one go and merged back byte for byte: no crash,
    /// and the time limit guards against quadratic slips. Throughput is `tools/bench`'s business
    /// (release builds, measured, in the README), not a unit test's.
    @Test(.timeLimit(.minutes(5))) func readsLargePages() throws {
        let page = String(decoding: try HTMLTestSupport.fixture("full-page.html"), as: UTF8.self)
        let body = page.components(separatedBy: "<body>")[1].components(separatedBy: "</body>")[0]
        let product = String(decoding: try HTMLTestSupport.fixture("fragment-product.html"), as: UTF8.self)
        var html = "<html><body>\n"
        while html.utf8.count < 4_000_000 { html += body + product }
        html += "</body></html>\n"
        let data = Data(html.utf8)
        let drafts = try HTMLFilter().read(data, text: html, file: "big.html")
        #expect(drafts.count > 10_000)
        let doc = try DocumentBuilder().build(original: "big.html", format: "html", bytes: data, sourceLanguage: "en", drafts: drafts)
        #expect(try HTMLTestSupport.merge(doc) == data)
    }

    /// Product copy is mostly prose: long paragraphs with a few inline tags and references.
    @Test(.timeLimit(.minutes(5))) func readsProseHeavyPages() throws {
        let paragraph = "<p>The <strong>Ultralight Tent</strong> weighs only 1.2&nbsp;kg and packs down to the size of a "
            + "water bottle. Its double-wall design keeps condensation away from your sleeping bag, while two doors "
            + "and two vestibules give each camper room for boots and packs. <a href=\"/care\">Care instructions</a> "
            + "are included; seams are taped at the factory &amp; the fly is coated with silicone for durability.</p>\n"
        let html = "<html><body>\n" + String(repeating: paragraph, count: 4_000_000 / paragraph.utf8.count) + "</body></html>\n"
        let data = Data(html.utf8)
        let drafts = try HTMLFilter().read(data, text: html, file: "prose.html")
        #expect(drafts.count == 4_000_000 / paragraph.utf8.count)
    }
}
