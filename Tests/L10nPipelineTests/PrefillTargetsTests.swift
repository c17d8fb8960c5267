import Foundation
import L10nPipeline
import L10nTestSupport
import Testing

/// `--prefill-targets`: every segment gets a copy of its source as target, marked "not
/// translated yet", for CAT tools that only translate existing targets (OmegaT). An untouched
/// copy merges as untranslated (original bytes); a copy a tool changed without touching the
/// state counts as translated.
@Suite struct PrefillTargetsTests {
    @Test func untouchedPrefilledXLIFFMergesBackByteForByte() throws {
        let pages = Corpus.pages()
        #expect(pages.count >= 16)
        let localizer = Localizer()
        for page in pages {
            let source = SourceDocument(bytes: try Data(contentsOf: Corpus.url(page)), name: page)
            let document = try localizer.extract(source, targetLanguage: LanguageTag("de-DE")).prefillingTargets()
            let segments = PipelineFixtures.segments(document.units.filter(\.translate))
            #expect(segments.allSatisfy { $0.target == $0.source && $0.state == .initial && !$0.isTranslated })
            // Figures alone (a price in a table cell) are nobody's to translate: no copy to fill in.
            #expect(PipelineFixtures.segments(document.units.filter { !$0.translate }).allSatisfy { $0.target == nil })
            for version in [XLIFFVersion.v2_1, .v1_2] {
                let xliff = try localizer.xliff([document], version: version)
                let text = String(decoding: xliff, as: UTF8.self)
                #expect(text.contains(version == .v1_2 ? "state=\"needs-translation\"" : "state=\"initial\""))
                #expect(XLIFFValidator().validate(xliff, file: page + ".xlf").findings.filter { $0.severity == .error }.isEmpty, "\(page) \(version)")
                #expect(try localizer.merge(xliff: xliff, name: page + ".xlf").first?.bytes == source.bytes, "\(page) \(version)")
                let read = try #require(try XLIFFReader().read(xliff, file: "x.xlf").first)
                #expect(PipelineFixtures.segments(read).allSatisfy { $0.target == nil }, "untouched copies read as untranslated")
            }
        }
    }

    @Test func aTargetChangedWithoutItsStateCountsAsTranslated() throws {
        let localizer = Localizer()
        let document = try localizer.extract(PipelineFixtures.markdownSource, targetLanguage: LanguageTag("de-DE")).prefillingTargets()
        for version in [XLIFFVersion.v2_1, .v1_2] {
            var text = String(decoding: try localizer.xliff([document], version: version), as: UTF8.self)
            // What OmegaT does: rewrite the target text, leave state alone.
            let before = "Price: $129.99, shipping included."
            let range = try #require(text.range(of: "<target>" + before, options: .backwards) ?? text.range(of: ">" + before + "</mrk>", options: .backwards))
            text.replaceSubrange(range, with: text[range].replacingOccurrences(of: before, with: "Preis: 129,99 $, Versand inklusive."))
            let merged = String(decoding: try #require(try localizer.merge(xliff: Data(text.utf8), name: "p.xlf").first).bytes, as: UTF8.self)
            #expect(merged.contains("Preis: 129,99 $, Versand inklusive."), "\(version)")
            #expect(merged.contains("# AquaFlow XP-2000B pump"), "untouched copies keep the original: \(version)")
            let read = try #require(try XLIFFReader().read(Data(text.utf8), file: "p.xlf").first)
            let translated = PipelineFixtures.segments(read).filter(\.isTranslated)
            #expect(translated.map { $0.target?.plainText } == ["Preis: 129,99 $, Versand inklusive."])
            #expect(InMemoryTranslationMemory(learningFrom: [read]).count == 1, "only the real translation is learned")
        }
    }

    @Test func adaptPrefillsTheXLIFFOnlyAndKeepsMachineStates() async throws {
        let plain = try await Localizer().localize(PipelineFixtures.markdownSource, markets: ["de"])
        let prefilled = try await Localizer().localize(PipelineFixtures.markdownSource, markets: ["de"], options: LocalizationOptions(prefillTargets: true))
        let a = try #require(plain.results.first), b = try #require(prefilled.results.first)
        #expect(a.outputs.document == b.outputs.document, "the localized document does not change")
        let xliff = String(decoding: try #require(b.outputs.xliff), as: UTF8.self)
        #expect(xliff.components(separatedBy: "<target>").count - 1 == b.document.segmentCount)
        #expect(b.targetOrigins.untranslated == b.document.segmentCount, "the report still counts them as untranslated")

        let pseudo = Localizer(Localizer.Configuration(backend: PseudoBackend()))
        let mt = try await pseudo.localize(PipelineFixtures.markdownSource, markets: ["de"], options: LocalizationOptions(prefillTargets: true))
        let mtXLIFF = String(decoding: try #require(mt.results.first?.outputs.xliff), as: UTF8.self)
        #expect(!mtXLIFF.contains("state=\"initial\""), "machine targets keep their own state")
        #expect(mtXLIFF.contains("subState=\"l10n:mt-pseudo\""))
    }

    @Test func segmentStatesSayWhatIsTranslated() {
        let source = Content(text: "Pump")
        #expect(!Segment(id: "s1", source: source).isTranslated)
        #expect(!Segment(id: "s1", source: source, target: source, state: .initial).isTranslated)
        #expect(Segment(id: "s1", source: source, target: Content(text: "Pumpe"), state: .initial).isTranslated)
        #expect(Segment(id: "s1", source: source, target: source, state: .translated).isTranslated, "same text, translated on purpose")
        #expect(Segment(id: "s1", source: source, target: source).isTranslated)
        #expect(!Segment(id: "i1", source: source, target: source, isIgnorable: true).isTranslated)
    }
}
