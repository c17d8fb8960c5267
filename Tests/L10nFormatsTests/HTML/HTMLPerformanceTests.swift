import Foundation
import L10nCore
import Testing
@testable import L10nFormats

@Suite struct HTMLPerformanceTests {
    /// A few megabytes of realistic markup read in one go: no quadratic behaviour, no crash.
    /// (Release builds read ≥ 20 MB/s; debug builds are much slower, so the bound here is loose.)
    @Test func readsLargePagesInLinearTime() throws {
        let page = String(decoding: try HTMLTestSupport.fixture("full-page.html"), as: UTF8.self)
        let body = page.components(separatedBy: "<body>")[1].components(separatedBy: "</body>")[0]
        let product = String(decoding: try HTMLTestSupport.fixture("fragment-product.html"), as: UTF8.self)
        var html = "<html><body>\n"
        while html.utf8.count < 4_000_000 { html += body + product }
        html += "</body></html>\n"
        let data = Data(html.utf8)
        let clock = ContinuousClock()
        var drafts: [UnitDraft] = []
        let elapsed = try clock.measure {
            drafts = try HTMLFilter().read(data, text: html, file: "big.html")
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(data.count) / 1_000_000 / seconds
        print("HTML read: \(data.count) bytes in \(seconds) s = \(rate) MB/s, \(drafts.count) units")
        #expect(drafts.count > 10_000)
        #expect(rate > 1)
        let doc = try DocumentBuilder().build(original: "big.html", format: "html", bytes: data, sourceLanguage: "en", drafts: drafts)
        #expect(try HTMLTestSupport.merge(doc) == data)
    }
}
