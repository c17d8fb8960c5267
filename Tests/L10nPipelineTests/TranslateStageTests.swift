import Foundation
import L10nPipeline
import Testing

/// The translate stage: batches within the backend's limits, per-segment failures, broken
/// contracts, unsupported language pairs, provenance.
@Suite struct TranslateStageTests {
    func job(_ source: SourceDocument = PipelineFixtures.markdownSource, target: String = "de-DE") async throws -> LocalizationJob {
        let pipeline = Localizer().pipeline()
        return try await pipeline.runPerDocument(LocalizationJob(source: source, targetLanguage: LanguageTag(target)!))
    }

    @Test func batchesRespectSegmentAndCharacterLimits() async throws {
        // Codes and numbers kept, so the guard rails pass every answer and nothing is asked twice.
        let backend = RecordingBackend(limits: BatchLimits(maxSegments: 2, maxCharacters: 60)) { .translated($0.source.mapText { $0.uppercased() }) }
        var job = try await job()
        try await TranslateStage(backend: backend).run(&job)
        let batches = backend.batches
        let count = try #require(job.document).segmentCount
        #expect(batches.flatMap { $0 }.count == count)
        #expect(batches.count > 1)
        for batch in batches {
            #expect(batch.count <= 2)
            if batch.count > 1 { #expect(batch.reduce(0) { $0 + $1.source.plainText.count } <= 60) }
        }
        #expect(job.translation == TranslationSummary(backend: "recording", requests: batches.count, segments: count,
                                                     characters: batches.flatMap { $0 }.reduce(0) { $0 + $1.source.plainText.count }, translated: count))
        let segments = PipelineFixtures.segments(try #require(job.document))
        #expect(segments.allSatisfy { $0.provenance == Provenance(origin: .machine(backend: "recording")) && $0.state == .translated })
        #expect(job.document?.targetLanguage == "de-DE")
    }

    @Test func aSegmentThatFailsIsAFindingAndTheRestStands() async throws {
        let backend = RecordingBackend { $0.key == "u1-s1" ? .failed(reason: "too long for this engine") : .translated($0.source.mapText { $0.uppercased() }) }
        var job = try await job()
        try await TranslateStage(backend: backend).run(&job)
        let failed = job.findings.filter { $0.check == TranslateStage.failureCheck }
        #expect(failed.map(\.segment) == ["u1-s1"])
        #expect(failed.first?.message.contains("too long") == true)
        #expect(failed.first?.message.contains("AquaFlow") == false, "findings never quote the segment")
        let segments = PipelineFixtures.segments(try #require(job.document))
        #expect(segments.first?.target == nil)
        #expect(segments.dropFirst().allSatisfy { $0.target == $0.source.mapText { $0.uppercased() } })
        #expect(job.translation?.failed == 1)
    }

    @Test func aBackendThatLosesResultsBreaksTheContract() async throws {
        let backend = RecordingBackend(dropLast: true) { _ in .translated(Content(text: "x")) }
        var job = try await job()
        let error = try await #require(throws: BackendError.self) { try await TranslateStage(backend: backend).run(&job) }
        #expect(error.code == .invalidResponse)
        #expect(error.exitCategory == .unavailable)
    }

    @Test func unsupportedLanguagePairsAreRefusedBeforeAnyCall() async throws {
        let backend = RecordingBackend(languages: .pairs([LanguagePair("en", "fr")])) { _ in .untranslated }
        var job = try await job()
        let error = try await #require(throws: BackendError.self) { try await TranslateStage(backend: backend).run(&job) }
        #expect(error.code == .unsupportedLanguages)
        #expect(error.exitCategory == .usage)
        #expect(backend.batches.isEmpty)
    }

    @Test func targetsAlreadyFilledAreNotSentAgain() async throws {
        var job = try await job()
        var document = try #require(job.document)
        document.units[0].segments[0].target = Content(text: "Pumpe")
        document.units[0].segments[0].provenance = Provenance(origin: .memory, matchQuality: 100)
        job.document = document
        let backend = RecordingBackend { _ in .translated(Content(text: "mt")) }
        try await TranslateStage(backend: backend).run(&job)
        #expect(!backend.batches.flatMap { $0 }.contains { $0.key == "u1-\(document.units[0].segments[0].id)" })
        #expect(job.document?.units[0].segments[0].provenance?.origin == .memory)
    }
}
