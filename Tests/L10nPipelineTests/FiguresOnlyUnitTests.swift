import Foundation
import L10nPipeline
import Testing

/// Figures alone (a price, a date, a measurement in a table cell) are units nobody translates
/// but adaptation rewrites: `translate="no"` in XLIFF, never sent to an engine, never learnt by a
/// memory, never counted as untranslated — and their adapted figures reach the page.
@Suite struct FiguresOnlyUnitTests {
    static let page = SourceDocument(text: """
        # TrailLite 2 tent

        | Model | Price | In stock from |
        |-------|-------|---------------|
        | TrailLite 2 | $1,299.50 | 03/15/2026 |

        Packed weight 4 lb.

        """, name: "tent.md")

    @Test func adaptationRewritesThemAndNoEngineSeesThem() async throws {
        let backend = RecordingBackend { .translated($0.source.mapText { "«" + $0 + "»" }) }
        let result = try await Localizer(Localizer.Configuration(backend: backend)).localize(Self.page, markets: ["de"])
        let de = try #require(result.results.first)

        let figures = de.document.units.filter { !$0.translate }
        #expect(figures.count == 2, "the price cell and the date cell: \(de.document.units.map { ($0.id, $0.translate) })")
        #expect(figures.allSatisfy { unit in unit.segments.allSatisfy { $0.target == nil } })
        let sent = backend.batches.flatMap { $0 }.map(\.source.plainText)
        #expect(!sent.contains { $0.contains("1.299,50") || $0.contains("2026") }, "figures were sent to the engine: \(sent)")
        #expect(sent.contains { $0.contains("TrailLite") }, "the words were: \(sent)")

        let markdown = String(decoding: try #require(de.outputs.document), as: UTF8.self)
        #expect(markdown.contains("| 1.299,50\u{A0}$ | 15.03.2026 |"), "\(markdown)")
        #expect(markdown.contains("«Packed weight 1,8 kg.»"), "\(markdown)")

        let entry = try #require(result.report.documents.first)
        #expect(entry.segments == de.document.segmentCount)
        #expect(entry.targets?.untranslated == 0, "figures are not untranslated segments")
        #expect(entry.adaptations.contains { $0.after?.contains("1.299,50") == true })

        let xliff = try #require(de.outputs.xliff)
        let text = String(decoding: xliff, as: UTF8.self)
        #expect(text.components(separatedBy: "translate=\"no\"").count - 1 == 2, "\(text)")
        #expect(XLIFFValidator().validate(xliff, file: "tent.xlf").findings.filter { $0.severity == .error }.isEmpty)
        // The XLIFF gives the same page back, and reads back as not for translation.
        #expect(try Localizer().merge(xliff: xliff, name: "tent.de-DE.xlf").first?.bytes == de.outputs.document)
        let read = try #require(try XLIFFReader().read(xliff, file: "tent.xlf").first)
        #expect(read.units.map(\.translate) == de.document.units.map(\.translate))
    }

    @Test func aMemoryNeitherLearnsNorServesThem() async throws {
        let localizer = Localizer()
        let document = try localizer.extract(Self.page, targetLanguage: LanguageTag("de-DE"))
        #expect(document.units.contains { !$0.translate })
        // Translated by hand, figures included (as a CAT tool may let someone do).
        let translated = document.mappingTargets { _, segment in segment.source.mapText { $0.uppercased() } }
        var everything = translated
        for u in everything.units.indices {
            for s in everything.units[u].segments.indices where !everything.units[u].segments[s].isIgnorable {
                everything.units[u].segments[s].target = everything.units[u].segments[s].source
            }
        }
        var memory = InMemoryTranslationMemory()
        memory.learn(everything)
        let words = PipelineFixtures.segments(everything.units.filter(\.translate))
        #expect(memory.count == words.count && words.count == PipelineFixtures.segments(everything).count - 2,
                "learnt \(memory.count) of \(words.count) segments with words")
        let price = try #require(PipelineFixtures.segments(everything.units.filter { !$0.translate }).first)
        let query = MemoryQuery(source: price.source, sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag("de-DE")!,
                                previous: nil, next: nil, market: nil)
        #expect(try await memory.bestMatches(for: [query], minimumQuality: 75) == [nil])
        #expect(translated.units.filter { !$0.translate }.allSatisfy { $0.segments.allSatisfy { $0.target == nil } },
                "mappingTargets leaves units not for translation alone")
    }

    @Test func xliffTranslateIsInheritedFromGroupsAndFiles() throws {
        let localizer = Localizer()
        let document = try localizer.extract(Self.page, targetLanguage: LanguageTag("de-DE"))
        for version in [XLIFFVersion.v2_1, .v1_2] {
            let xliff = String(decoding: try localizer.xliff([document], version: version), as: UTF8.self)
            // Everything marked not for translation by an enclosing element, as other tools write it.
            let marked = version == .v1_2
                ? xliff.replacingOccurrences(of: "<body>", with: "<body><group id=\"g\" translate=\"no\">").replacingOccurrences(of: "</body>", with: "</group></body>")
                : xliff.replacingOccurrences(of: "<file id=\"f1\"", with: "<file translate=\"no\" id=\"f1\"")
            #expect(marked != xliff)
            let read = try #require(try XLIFFReader().read(Data(marked.utf8), file: "x.xlf").first)
            #expect(read.units.allSatisfy { !$0.translate }, "\(version)")
            #expect(read.segmentCount == 0)
            let plain = try #require(try XLIFFReader().read(Data(xliff.utf8), file: "x.xlf").first)
            #expect(plain.units.map(\.translate) == document.units.map(\.translate), "\(version)")
        }
    }
}
