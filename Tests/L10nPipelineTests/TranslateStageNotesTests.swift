import Foundation
import L10nPipeline
import Testing

/// What the translate stage tells engines about each segment (``SegmentRequest/notes``): how the
/// adapt stage changed it for the market and which spans it kept on purpose, worded as the XLIFF
/// notes; advisories stay with the people who read the XLIFF.
@Suite struct TranslateStageNotesTests {
    @Test func anAdaptedSegmentCarriesItsChangesAndTheOthersNone() async throws {
        let backend = RecordingBackend { .translated($0.source) }
        let localizer = Localizer(Localizer.Configuration(backend: backend))
        let result = try await localizer.localize(PipelineFixtures.markdownSource, markets: ["de"])
        let de = try #require(result.results.first)
        let requests = backend.batches.flatMap { $0 }
        let conversion = try #require(de.adaptations.first { $0.before == "33 ft" && $0.after != nil }, "\(de.adaptations)")

        let lifted = try #require(requests.first { $0.key == conversion.segment })
        #expect(lifted.notes.first == conversion.noteText, "\(lifted.notes)")
        #expect(lifted.notes.first?.contains("\"33 ft\" → \"\(conversion.after!)\"") == true)
        let changed = Set(de.adaptations.filter { !$0.isAdvisory }.map(\.segment))
        for request in requests where !changed.contains(request.key) {
            #expect(request.notes.allSatisfy { $0.hasPrefix("kept ") }, "\(request.key): only its deliberate keeps, if any")
        }
        let sent = Set(requests.flatMap(\.notes))
        for advisory in de.adaptations where advisory.isAdvisory {
            #expect(!sent.contains(advisory.noteText), "advisories are for people: \(advisory.rule)")
        }
        // The XLIFF notes say the same.
        let unit = try #require(de.document.units.first { conversion.segment.hasPrefix($0.id + "-") })
        #expect(unit.notes.contains { $0.text == conversion.noteText && $0.category == "l10n:adaptation" })
    }

    @Test func withoutAMarketNothingIsNoted() async throws {
        let backend = RecordingBackend { .translated($0.source) }
        var job = try await Localizer().pipeline().runPerDocument(LocalizationJob(source: PipelineFixtures.markdownSource,
                                                                                  targetLanguage: LanguageTag("de-DE")!))
        try await TranslateStage(backend: backend).run(&job)
        #expect(!backend.batches.isEmpty && backend.batches.flatMap { $0 }.allSatisfy(\.notes.isEmpty))
    }
}
