import Foundation
import L10nPipeline
import Testing

/// An empty `<target/>` a tool adds to every unit (Translate Toolkit's pomerge does) is no
/// translation: a segmented unit keeps its segments and merges as its original bytes, entities
/// spelled as they were.
@Suite struct EmptyForeignTargetTests {
    @Test func anEmptyMarkerlessTargetLeavesASegmentedUnitAlone() throws {
        let page = SourceDocument(text: "<p>Rated 12&ndash;24 V. Works at 40&deg;C.</p>\n<p>Plain.</p>\n", name: "p.html")
        let localizer = Localizer()
        let document = try localizer.extract(page, targetLanguage: LanguageTag("pt-BR"))
        #expect(document.units[0].segments.filter { !$0.isIgnorable }.count == 2, "the unit is segmented")
        let xliff = String(decoding: try localizer.xliff([document], version: .v1_2), as: UTF8.self)
        let withEmptyTargets = xliff.replacingOccurrences(of: "</source>", with: "</source><target></target>")
        #expect(withEmptyTargets != xliff)
        let merged = try #require(try localizer.merge(xliff: Data(withEmptyTargets.utf8), name: "p.xlf").first)
        #expect(merged.bytes == page.bytes, "\(String(decoding: merged.bytes, as: UTF8.self))")

        // Said to be translated on purpose, an empty target is kept (the unit becomes empty).
        let deliberate = xliff.replacingOccurrences(of: "</source>", with: "</source><target state=\"translated\"></target>")
        let emptied = try #require(try localizer.merge(xliff: Data(deliberate.utf8), name: "p.xlf").first)
        #expect(!String(decoding: emptied.bytes, as: UTF8.self).contains("Rated"))
    }
}
