import Foundation
import L10nPipeline
import Testing

/// The stage chain: its order, replacing stages, and what a misassembled chain says.
@Suite struct PipelineTests {
    @Test func theStandardChainHasTheDocumentedOrder() {
        let plain = Localizer().pipeline()
        #expect(plain.stageNames == [.read, .segment, .adapt, .translate, .write])
        let termbase = Termbase([TermEntry(sourceLanguage: LanguageTag("en")!, term: "pump", targetLanguage: LanguageTag("de")!,
                                           targetTerm: "Pumpe", status: .preferred)])
        let full = Localizer(Localizer.Configuration(memory: InMemoryTranslationMemory(), checks: [SourceCopyCheck()], glossary: termbase)).pipeline()
        #expect(full.stageNames == StageName.allCases)
        #expect(StageName.allCases.filter(\.isPerDocument) == [.read, .segment])
    }

    @Test func stagesAreReplacedAndInsertedInTheirPlace() {
        var pipeline = Localizer().pipeline()
        pipeline.install(CheckStage(checks: [SourceCopyCheck()]))
        #expect(pipeline.stageNames == [.read, .segment, .adapt, .translate, .check, .write])
        pipeline.install(TranslateStage(backend: PseudoBackend()))
        #expect(pipeline.stageNames.filter { $0 == .translate }.count == 1)
        #expect((pipeline.stages[3] as? TranslateStage)?.backend.descriptor.id == "pseudo")
        pipeline.remove(.adapt)
        #expect(pipeline.stageNames == [.read, .segment, .translate, .check, .write])
    }

    @Test func aStageBeforeItsInputIsABugNotBadData() async throws {
        let pipeline = Pipeline([TranslateStage(backend: PseudoBackend()), ReadStage(formats: .builtIn)])
        let job = LocalizationJob(source: PipelineFixtures.markdownSource, targetLanguage: LanguageTag("de")!)
        let error = try await #require(throws: PipelineError.self) { try await pipeline.run(job) }
        #expect(error.kind == .misassembled)
        #expect(error.exitCategory == .software)
        #expect(error.description.contains("translate"))
    }

    @Test func checksRunOnTranslatedTargetsAndTheirFindingsReachTheReport() async throws {
        let localizer = Localizer(Localizer.Configuration(checks: [SourceCopyCheck()]))
        let result = try await localizer.localize(PipelineFixtures.markdownSource, markets: ["us"])
        let us = try #require(result.results.first)
        // us: same language, so every target is the (adapted) source, and the check flags each.
        let flagged = us.findings.filter { $0.check == SourceCopyCheck.checkID }
        #expect(flagged.count == us.document.segmentCount)
        let br = try await localizer.localize(PipelineFixtures.markdownSource, markets: ["br"])
        #expect(br.results.first?.findings.isEmpty == true, "no targets, nothing to flag")
        #expect(result.report.documents.first?.findings.contains { $0.check == SourceCopyCheck.checkID } == true)
    }

    @Test func cancellingARunStopsIt() async throws {
        let localizer = Localizer(Localizer.Configuration(backend: SlowBackend()))
        let task = Task { try await localizer.localize(PipelineFixtures.markdownSource, markets: ["de"]) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}

/// A check for tests: a target identical to its source.
struct SourceCopyCheck: DocumentCheck {
    static let checkID = "test.source-copy"
    var id: String { Self.checkID }

    func check(_ document: Document, context: CheckContext) -> [Finding] {
        document.units.flatMap { unit in
            unit.segments.filter { !$0.isIgnorable && $0.target == $0.source }.map {
                Finding(check: id, severity: .info, message: "target is a copy of the source", segment: "\(unit.id)-\($0.id)")
            }
        }
    }
}

/// A backend that waits until it is cancelled.
struct SlowBackend: TranslationBackend {
    var descriptor: BackendDescriptor {
        BackendDescriptor(id: "slow", displayName: "Slow", summary: "waits", limits: .unlimited, supportsInlineCodes: true)
    }

    func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        try await Task.sleep(for: .seconds(60))
        return batch.map { _ in .untranslated }
    }
}

/// Each market's document carries its own target language, whatever stages run.
@Suite struct PerMarketLanguageTests {
    @Test func everyMarketGetsItsOwnTargetLanguageEvenWithoutATranslateStage() async throws {
        let localizer = Localizer()
        let profiles = try ["br", "de", "jp"].map { try localizer.markets().market($0) }
        var pipeline = localizer.pipeline(options: LocalizationOptions(outputs: [.xliff]))
        pipeline.remove(.translate)
        let results = try await localizer.run(pipeline, on: PipelineFixtures.markdownSource, markets: profiles)
        #expect(results.results.map { $0.document.targetLanguage } == ["pt-BR", "de-DE", "ja-JP"])
        for result in results.results {
            let xliff = String(decoding: try #require(result.outputs.xliff), as: UTF8.self)
            #expect(xliff.contains("trgLang=\"\(result.targetLanguage)\""))
        }
    }
}
