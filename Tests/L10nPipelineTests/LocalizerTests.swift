import Foundation
import L10nPipeline
import Testing

/// The library entry point: bytes in, localized bytes, XLIFF and report out, with everything
/// (markets, sentence rules, backend) given as values.
@Suite struct LocalizerTests {
    @Test func localizesAnInMemoryPageForBrazilWithPseudoTranslation() async throws {
        let localizer = Localizer(Localizer.Configuration(backend: PseudoBackend()))
        let result = try await localizer.localize(PipelineFixtures.markdownSource, markets: ["br"])
        let br = try #require(result.results.first)
        #expect(br.targetLanguage.rawValue == "pt-BR")
        let markdown = String(decoding: try #require(br.outputs.document), as: UTF8.self)
        // Adapted (feet → metres, pt-BR decimal comma) before translation, then pseudo-translated.
        #expect(markdown.contains("10,1"), "\(markdown)")
        #expect(markdown.contains("["), "pseudo-translated: \(markdown)")
        #expect(markdown.contains("](https://example.com/care \""), "markup and URL intact: \(markdown)")
        let xliff = String(decoding: try #require(br.outputs.xliff), as: UTF8.self)
        #expect(xliff.contains("subState=\"l10n:mt-pseudo\""))
        #expect(XLIFFValidator().validate(Data(xliff.utf8), file: "pump.xlf").findings.filter { $0.severity == .error }.isEmpty)
        let entry = try #require(result.report.documents.first)
        #expect(entry.targets?.origins["mt:pseudo"] == br.document.segmentCount)
        #expect(entry.targets?.untranslated == 0)
        #expect(entry.targets?.translation?.requests == 1)
        #expect(entry.adaptations.contains { $0.rule.hasPrefix("units.") })
    }

    @Test func sameLanguageMarketsGetTheAdaptedSourceWithItsProvenance() async throws {
        let result = try await Localizer().localize(PipelineFixtures.markdownSource, markets: ["uk", "br"])
        #expect(result.results.map(\.market.id) == ["uk", "br"])
        let uk = result.results[0], br = result.results[1]
        #expect(PipelineFixtures.segments(uk.document).allSatisfy { $0.provenance?.origin == .source && $0.state == .translated })
        #expect(uk.targetOrigins.origins == ["source": uk.document.segmentCount])
        // No backend, another language: targets stay empty for translators.
        #expect(PipelineFixtures.segments(br.document).allSatisfy { $0.target == nil })
        #expect(br.targetOrigins.untranslated == br.document.segmentCount)
        #expect(br.translation?.requests == 0)
    }

    @Test func marketsCanBeGivenAsData() async throws {
        let yaml = try Data(contentsOf: Self.bundledMarket("br")).replacing(Data("id: br".utf8), with: Data("id: zz".utf8))
        let profile = try MarketCatalog.decode(yaml, file: "zz.yaml")
        #expect(profile.id == "zz")
        let result = try await Localizer().localize(PipelineFixtures.markdownSource, markets: [profile])
        #expect(result.results.first?.market.id == "zz")
        #expect(result.results.first?.adaptations.isEmpty == false)
    }

    @Test func unknownMarketsAreUsageErrors() async throws {
        let error = try await #require(throws: (any Error).self) {
            try await Localizer().localize(PipelineFixtures.markdownSource, markets: ["xx"])
        }
        let l10n = try #require(error as? any L10nError)
        #expect(l10n.exitCategory == .usage)
        #expect(l10n.description.contains("no market 'xx'"))
    }

    @Test func sentenceRulesCanBeGivenAsData() throws {
        let text = SourceDocument(text: "Use cable No. 5 only. Keep it dry.\n", name: "t.md")
        let srx = Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header segmentsubflows="yes" cascade="yes"/>
            <body><languagerules><languagerule languagerulename="Semicolons">
            <rule break="yes"><beforebreak>only\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
            <rule break="no"><beforebreak>Keep</beforebreak><afterbreak>\\s</afterbreak></rule>
            </languagerule></languagerules>
            <maprules><languagemap languagepattern="en.*" languagerulename="Semicolons"/></maprules></body></srx>
            """.utf8)
        let plain = try Localizer(Localizer.Configuration(segmentation: .none)).extract(text, targetLanguage: nil)
        let builtIn = try Localizer().extract(text, targetLanguage: nil)
        let custom = try Localizer(Localizer.Configuration(segmentation: .srx(data: srx, name: "rules.srx"))).extract(text, targetLanguage: nil)
        #expect(plain.segmentCount == 1)
        #expect(builtIn.segmentCount == 2)
        #expect(custom.segmentCount == 2)
        #expect(throws: FormatError.self) { try SegmentationRules.srx(data: Data("<srx".utf8), name: "broken.srx") }
    }

    @Test func extractThenMergeWithoutTranslationGivesTheSameBytes() throws {
        let localizer = Localizer()
        for source in [PipelineFixtures.markdownSource, PipelineFixtures.htmlSource] {
            let document = try localizer.extract(source, targetLanguage: LanguageTag("de-DE"))
            for version in [XLIFFVersion.v2_1, .v1_2] {
                let merged = try localizer.merge(xliff: try localizer.xliff([document], version: version), name: "x.xlf")
                #expect(merged.count == 1)
                #expect(merged.first?.bytes == source.bytes)
                #expect(merged.first?.original == source.name)
            }
        }
    }

    @Test func pseudoLocalizationLivesInTheLibrary() async throws {
        let pseudo = try await Localizer().pseudoLocalize(PipelineFixtures.htmlSource)
        let html = String(decoding: pseudo.document, as: UTF8.self)
        #expect(html.contains("<b>") && html.contains("</b>") && html.contains("<!DOCTYPE html>"))
        #expect(html.contains("["), "\(html)")
        #expect(!html.contains(">It lifts water"), "every sentence reached: \(html)")
        #expect(pseudo.segments > 0)
        #expect(String(decoding: pseudo.xliff, as: UTF8.self).contains("qps"))
    }

    @Test func htmlFragmentsAreAnOutputLikeTheOthers() async throws {
        let options = LocalizationOptions(outputs: [.htmlFragment])
        let result = try await Localizer().localize(PipelineFixtures.markdownSource, markets: ["us"], options: options)
        let us = try #require(result.results.first)
        #expect(us.outputs.document == nil && us.outputs.xliff == nil)
        let fragment = String(decoding: try #require(us.outputs.htmlFragment), as: UTF8.self)
        #expect(fragment.contains("<h1>"))
    }

    @Test func unknownFormatsNameTheKnownOnes() throws {
        let source = SourceDocument(text: "x", name: "notes.txt")
        let error = try #require(throws: PipelineError.self) { try Localizer().extract(source, targetLanguage: nil) }
        #expect(error.exitCategory == .dataError)
        #expect(error.description.contains(".md"))
        let named = SourceDocument(text: "# Hi\n", name: "notes.txt", format: "markdown")
        #expect(try Localizer().extract(named, targetLanguage: nil).segmentCount == 1)
    }

    static func bundledMarket(_ id: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/L10nAdapt/Resources/Markets/\(id).yaml")
    }
}
