import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nFormats

@Suite struct HTMLPerformanceTests {
    /// A few megabytes of realistic markup read in one go: no quadratic behaviour, no crash.
    /// Release builds read this tag-dense page (a unit every 40 bytes) at about 10 MB/s, libxml2
    /// alone at 30–50 MB/s; debug builds are much slower, so the bound here is loose.
    @Test func readsLargePagesInLinearTime() throws {
        let page = String(decoding: try HTMLTestSupport.fixture("full-page.html"), as: UTF8.self)
        let body = page.components(separatedBy: "<body>")[1].components(separatedBy: "</body>")[0]
        let product = String(decoding: try HTMLTestSupport.fixture("fragment-product.html"), as: UTF8.self)
        var html = "<html><body>\n"
        while html.utf8.count < 4_000_000 { html += body + product }
        html += "</body></html>\n"
        let data = Data(html.utf8)
        // Thread CPU time, not wall time: the machine is shared and tests run in parallel.
        let (drafts, seconds) = try ThreadCPUTime.measure { try HTMLFilter().read(data, text: html, file: "big.html") }
        let rate = Double(data.count) / 1_000_000 / seconds
        print("HTML read: \(data.count) bytes in \(seconds) s = \(rate) MB/s, \(drafts.count) units")
        #expect(drafts.count > 10_000)
        #expect(rate > 1)
        let doc = try DocumentBuilder().build(original: "big.html", format: "html", bytes: data, sourceLanguage: "en", drafts: drafts)
        #expect(try HTMLTestSupport.merge(doc) == data)
    }

    /// Product copy is mostly prose: long paragraphs with a few inline tags and references.
    /// Release builds read this at 20–35 MB/s on a loaded 2-core machine.
    @Test func readsProseHeavyPages() throws {
        let paragraph = "<p>The <strong>Ultralight Tent</strong> weighs only 1.2&nbsp;kg and packs down to the size of a "
            + "water bottle. Its double-wall design keeps condensation away from your sleeping bag, while two doors "
            + "and two vestibules give each camper room for boots and packs. <a href=\"/care\">Care instructions</a> "
            + "are included; seams are taped at the factory &amp; the fly is coated with silicone for durability.</p>\n"
        let html = "<html><body>\n" + String(repeating: paragraph, count: 4_000_000 / paragraph.utf8.count) + "</body></html>\n"
        let data = Data(html.utf8)
        let (drafts, seconds) = try ThreadCPUTime.measure { try HTMLFilter().read(data, text: html, file: "prose.html") }
        print("HTML read (prose): \(data.count) bytes in \(seconds) s = \(Double(data.count) / 1_000_000 / seconds) MB/s")
        #expect(drafts.count == 4_000_000 / paragraph.utf8.count)
        #expect(Double(data.count) / 1_000_000 / seconds > 1)
    }
}
