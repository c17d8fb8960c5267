import Foundation
import L10nPipeline
import Testing

/// The leverage stage with the in-memory translation memory: exact and in-context matches,
/// code renumbering, markets kept apart, quality thresholds.
@Suite struct LeverageStageTests {
    let de = LanguageTag("de-DE")!

    /// A translated copy of `source`: every segment's target is its source text upper-cased,
    /// codes kept.
    func translated(_ source: SourceDocument) throws -> Document {
        var document = try Localizer().extract(source, targetLanguage: de)
        document = document.mappingTargets { _, segment in segment.source.mapText { $0.uppercased() } }
        for u in document.units.indices {
            for s in document.units[u].segments.indices where !document.units[u].segments[s].isIgnorable {
                document.units[u].segments[s].state = .reviewed
            }
        }
        return document
    }

    @Test func earlierTranslationsFillTargetsBeforeMachineTranslation() async throws {
        let memory = InMemoryTranslationMemory(learningFrom: [try translated(PipelineFixtures.markdownSource)])
        #expect(memory.count > 0)
        let backend = RecordingBackend { _ in .translated(Content(text: "mt")) }
        let localizer = Localizer(Localizer.Configuration(segmentation: .builtIn, backend: backend, memory: memory))
        let job = try await localizer.pipeline().run(LocalizationJob(source: PipelineFixtures.markdownSource, targetLanguage: de))
        let segments = PipelineFixtures.segments(try #require(job.document))
        #expect(segments.allSatisfy { $0.provenance?.origin == .memory && $0.provenance?.matchQuality == 101 })
        #expect(segments.first?.target?.readableText == "AQUAFLOW XP-2000B PUMP")
        #expect(backend.batches.isEmpty, "nothing is paid for twice")
    }

    @Test func theSameSentenceElsewhereIsAnExactMatchWithItsOwnCodes() async throws {
        let memory = InMemoryTranslationMemory(learningFrom: [try translated(PipelineFixtures.markdownSource)])
        // The emphasised sentence, now in another paragraph after other text: other code ids, other neighbours.
        let other = SourceDocument(text: "# Other\n\nIntro line here.\n\nThe pump lifts water **33 ft** high.\n", name: "other.md")
        var job = try await Localizer().pipeline().runPerDocument(LocalizationJob(source: other, targetLanguage: de))
        try await LeverageStage(memory: memory).run(&job)
        let segments = PipelineFixtures.segments(try #require(job.document))
        let pump = try #require(segments.first { $0.source.plainText.hasPrefix("The pump") })
        #expect(pump.provenance == Provenance(origin: .memory, matchQuality: 100))
        #expect(pump.target?.plainText == "THE PUMP LIFTS WATER 33 FT HIGH.")
        #expect(pump.target?.codes.map(\.id) == pump.source.codes.map(\.id))
        #expect(segments.filter { $0.target == nil }.count == 2, "no match for the new sentences")

        var strict = try await Localizer().pipeline().runPerDocument(LocalizationJob(source: other, targetLanguage: de))
        try await LeverageStage(memory: memory, minimumQuality: 101).run(&strict)
        #expect(PipelineFixtures.segments(try #require(strict.document)).allSatisfy { $0.target == nil })
    }

    @Test func marketsAndLanguagesAreKeptApart() async throws {
        var memory = InMemoryTranslationMemory()
        let source = Content(text: "Stainless steel housing.")
        memory.add(source: source, target: Content(text: "Carcaça de aço inox."), sourceLanguage: LanguageTag("en-US")!,
                   targetLanguage: LanguageTag("pt-BR")!, market: "br")
        let query = { (target: String, market: String?) in
            MemoryQuery(source: source, sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag(target)!, market: market)
        }
        let matches = try await memory.bestMatches(for: [query("pt-BR", "br"), query("pt-BR", "pt"), query("pt-PT", "br"), query("pt-BR", nil)], minimumQuality: 100)
        #expect(matches.map { $0?.target.plainText } == ["Carcaça de aço inox.", nil, nil, "Carcaça de aço inox."])
    }

    @Test func untranslatedAndInitialSegmentsAreNotLearned() throws {
        var document = try Localizer().extract(PipelineFixtures.markdownSource, targetLanguage: de)
        #expect(InMemoryTranslationMemory(learningFrom: [document]).count == 0)
        document = document.mappingTargets { _, s in s.source }
        #expect(InMemoryTranslationMemory(learningFrom: [document]).count == document.segmentCount)
        for u in document.units.indices { for s in document.units[u].segments.indices { document.units[u].segments[s].state = .initial } }
        #expect(InMemoryTranslationMemory(learningFrom: [document]).count == 0)
    }
}
