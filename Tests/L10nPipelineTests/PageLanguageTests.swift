import Foundation
import L10nCore
import L10nFormats
import L10nPipeline
import Testing

/// A translated HTML page declares its new language; an untranslated one keeps every byte.
@Suite struct PageLanguageTests {
    static let page = """
        <!DOCTYPE html>
        <html lang="en" class="shop"><head><title>Pump</title></head><body><p>The pump is quiet.</p></body></html>

        """

    func localized(backend: any TranslationBackend, market: String = "de", language: LanguageTag? = nil) async throws -> String {
        let localizer = Localizer(Localizer.Configuration(backend: backend))
        let result = try await localizer.localize(SourceDocument(text: Self.page, name: "pump.html"), markets: [market], targetLanguage: language,
                                                  options: LocalizationOptions(outputs: [.document]))
        return String(decoding: try #require(result.results.first?.outputs.document), as: UTF8.self)
    }

    @Test func aTranslatedPageDeclaresItsLanguage() async throws {
        let german = try await localized(backend: ReorderingBackend())
        #expect(german.contains(#"<html class="shop" lang="de-DE">"#), "\(german)")
        // Right to left where the language is written so.
        let arabic = try await localized(backend: ReorderingBackend(), language: LanguageTag("ar-EG"))
        #expect(arabic.contains(#"<html class="shop" lang="ar-EG" dir="rtl">"#), "\(arabic)")
        // A market in the source's language: the adapted source is the page, and it says so.
        let british = try await localized(backend: NoneBackend(), market: "uk")
        #expect(british.contains(#"lang="en-GB""#), "\(british)")
    }

    @Test func anUntranslatedPageKeepsEveryByte() async throws {
        // No engine for en → de: nothing translated, the page is still English.
        #expect(try await localized(backend: NoneBackend()) == Self.page)
        // A CAT tool's copies of the source are no translation either.
        var document = try Localizer().extract(SourceDocument(text: Self.page, name: "pump.html"), targetLanguage: LanguageTag("de-DE")!)
        for u in document.units.indices {
            for s in document.units[u].segments.indices { document.units[u].segments[s].target = document.units[u].segments[s].source }
        }
        #expect(try DocumentMerger(formats: .builtIn).merge(document) == Data(Self.page.utf8))
    }
}
