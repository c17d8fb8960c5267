import Foundation
import L10nPipeline
import Testing

/// The glossary stage: terms of the adapted source on their units, per market's language, the
/// same through `extract` and `localize`; without a termbase there is no stage and no entry.
@Suite struct GlossaryStageTests {
    static let en = LanguageTag("en")!

    static let termbase = Termbase([
        TermEntry(sourceLanguage: en, term: "pump", targetLanguage: LanguageTag("pt-BR"), targetTerm: "bomba", status: .preferred),
        TermEntry(sourceLanguage: en, term: "pump", targetLanguage: LanguageTag("de"), targetTerm: "Pumpe", status: .preferred),
        TermEntry(sourceLanguage: en, term: "care guide", targetLanguage: LanguageTag("pt-BR"), targetTerm: "guia de cuidados", status: .admitted),
        TermEntry(sourceLanguage: en, term: "AquaFlow", targetLanguage: nil, targetTerm: nil, status: .doNotTranslate),
    ])

    func terms(_ document: Document) -> [[String]] {
        document.units.map { $0.glossary.map { "\($0.segment ?? "-"):\($0.term)→\($0.translations.joined(separator: "|"))" } }
    }

    @Test func eachMarketGetsTheTermsOfItsLanguage() async throws {
        let localizer = Localizer(Localizer.Configuration(glossary: Self.termbase))
        let result = try await localizer.localize(PipelineFixtures.markdownSource, markets: ["br", "de"])
        let br = result.results[0].document, de = result.results[1].document
        #expect(terms(br)[0] == ["s1:AquaFlow→AquaFlow", "s1:pump→bomba"])
        #expect(terms(br)[1] == ["s1:pump→bomba", "s2:care guide→guia de cuidados"])
        #expect(terms(de)[1] == ["s1:pump→Pumpe"])
        #expect(terms(br)[2].isEmpty)
        let xliff = String(decoding: try #require(result.results[0].outputs.xliff), as: UTF8.self)
        #expect(xliff.contains("<gls:translation>guia de cuidados</gls:translation>"))
        let validation = XLIFFValidator().validate(Data(xliff.utf8), file: "pump.xlf")
        #expect(validation.isValid, "\(validation.findings.map(\.message))")
        // extract finds the same, without a market.
        let extracted = try localizer.extract(PipelineFixtures.markdownSource, targetLanguage: LanguageTag("pt-BR")!)
        #expect(terms(extracted) == terms(br))
    }

    /// The engine is told the terms the glossary stage found (an LLM puts them in its prompt),
    /// each once per document, in the market's language.
    @Test func theTranslateStageHandsTheTermsToTheEngine() async throws {
        let backend = RecordingBackend { .translated($0.source) }
        let localizer = Localizer(Localizer.Configuration(backend: backend, glossary: Self.termbase))
        _ = try await localizer.localize(PipelineFixtures.markdownSource, markets: ["br"])
        let terms = try #require(backend.contexts.first?.terms)
        #expect(terms.map(\.term) == ["AquaFlow", "pump", "care guide"], "\(terms)")
        #expect(terms.first { $0.term == "pump" }?.translations == ["bomba"])
        #expect(terms.first { $0.term == "AquaFlow" }?.status == "do-not-translate")
    }

    @Test func withoutATermbaseThereIsNoStageAndNoEntry() async throws {
        #expect(!Localizer(Localizer.Configuration(glossary: Termbase())).pipeline().stageNames.contains(.glossary))
        let result = try await Localizer().localize(PipelineFixtures.markdownSource, markets: ["br"])
        #expect(result.results[0].document.units.allSatisfy { $0.glossary.isEmpty })
    }
}
