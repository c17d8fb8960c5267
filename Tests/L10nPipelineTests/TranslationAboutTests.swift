import Foundation
import L10nPipeline
import Testing

/// What the translate stage tells engines the page is about (``TranslationContext/about``, sent
/// as DeepL's `context`): the title or first heading, then the running text, bounded, the same
/// for every batch of a page, without protected spans.
@Suite struct TranslationAboutTests {
    func about(_ source: SourceDocument, limits: BatchLimits = .unlimited) async throws -> (about: [String?], batches: Int) {
        let backend = RecordingBackend(limits: limits) { .translated($0.source) }
        var job = try await Localizer().pipeline().runPerDocument(LocalizationJob(source: source, targetLanguage: LanguageTag("de-DE")!))
        try await TranslateStage(backend: backend).run(&job)
        return (backend.contexts.map(\.about), backend.batches.count)
    }

    @Test func anHTMLPageIsItsTitleThenItsParagraphs() async throws {
        let (about, _) = try await about(PipelineFixtures.htmlSource)
        // The <title>; the <h1> repeats it and is left out like every heading; the bold codes go,
        // their words stay.
        #expect(about == ["AquaFlow pump\nIt lifts water 33 ft high.\nPrice: $129.99."])
    }

    @Test func aMarkdownPageIsItsFrontMatterTitleElseItsFirstHeading() async throws {
        let (plain, _) = try await about(PipelineFixtures.markdownSource)
        let first = try #require(plain.first ?? nil)
        let lines = first.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(first)")
        #expect(lines.first?.hasPrefix("AquaFlow") == true && lines.first?.hasSuffix("pump") == true, "the heading first: \(first)")
        #expect(lines.dropFirst().first == "The pump lifts water 33 ft high. Read the care guide first.", "link text kept, URL and title left out")
        #expect(lines.last == "Price: $129.99, shipping included.")
        #expect(!first.contains("example.com"), "protected spans (URLs) are never sent")

        let titled = SourceDocument(text: "---\ntitle: Quiet pumps for wells\n---\n\n# Overview\n\nThe pump is quiet.\n", name: "t.md")
        let (withTitle, _) = try await about(titled)
        #expect(withTitle == ["Quiet pumps for wells\nThe pump is quiet."], "front matter's title first; headings never")
    }

    @Test func aLongPageIsCutAtAWordAndEveryBatchGetsTheSame() async throws {
        let paragraphs = (1...60).map { "Paragraph \($0) says the pump is quiet and keeps running for years." }
        let source = SourceDocument(text: "# Pump guide\n\n" + paragraphs.joined(separator: "\n\n") + "\n", name: "long.md")
        let (about, batches) = try await about(source, limits: BatchLimits(maxSegments: 10, maxCharacters: 10_000))
        #expect(batches > 1 && about.count == batches)
        #expect(Set(about).count == 1, "one page, one context")
        let text = try #require(about.first ?? nil)
        #expect(text.count <= TranslationContext.maxAboutCharacters && text.count > TranslationContext.maxAboutCharacters - 80)
        #expect(text.hasPrefix("Pump guide\nParagraph 1 says the pump is quiet and keeps running for years.\nParagraph 2 says"))
        let all = "Pump guide\n" + paragraphs.joined(separator: "\n")
        #expect(all.hasPrefix(text) && [" ", "\n"].contains(all.dropFirst(text.count).first.map(String.init)), "cut before a word")
    }

    @Test func aPageWithOnlyAHeadingIsThatHeading() async throws {
        let (headingOnly, _) = try await about(SourceDocument(text: "# Pump\n", name: "h.md"))
        #expect(headingOnly == ["Pump"])
    }
}
