import Foundation
import L10nPipeline
import Testing

// README-EXAMPLE-BEGIN
/// Adapts a product page held in memory for Brazil and Germany, pseudo-translated offline:
/// no files, no network.
func localizeProductPage() async throws -> (pages: [String: Data], report: Data) {
    let page = SourceDocument(text: """
        # AquaFlow XP-2000B

        Lifts water **33 ft** high. Only $129.99.

        """, name: "pump.md")
    let localizer = Localizer(Localizer.Configuration(backend: PseudoBackend()))
    let result = try await localizer.localize(page, markets: ["br", "de"])
    var pages: [String: Data] = [:]
    for localized in result.results {
        pages[localized.targetLanguage.rawValue] = localized.outputs.document  // the Markdown page
        _ = localized.outputs.xliff  // the XLIFF for a translator, one note per adaptation
    }
    return (pages, try result.report.encoded())  // the JSON report
}
// README-EXAMPLE-END

/// The README's embedding example is this file's code, compiled and run here.
@Suite struct EmbeddingExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theReadmeShowsExactlyTheCodeThatCompilesHere() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let this = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let example = try #require(Self.between("// README-EXAMPLE-BEGIN\n", "// README-EXAMPLE-END", in: this))
        let shown = try #require(Self.between("<!-- embedding:start -->\n```swift\nimport L10nPipeline\n\n", "```\n<!-- embedding:end -->", in: readme),
                                 "README.md has no embedding example between its markers")
        #expect(shown == example)
    }

    @Test func theExampleLocalizes() async throws {
        let (pages, report) = try await localizeProductPage()
        #expect(pages.keys.sorted() == ["de-DE", "pt-BR"])
        let br = String(decoding: try #require(pages["pt-BR"]), as: UTF8.self)
        #expect(br.contains("10,1"), "33 ft → 10,1 m: \(br)")
        #expect(br.contains("XP-2000B"), "model number protected")
        let json = try #require(try JSONSerialization.jsonObject(with: report) as? [String: Any])
        #expect((json["documents"] as? [Any])?.count == 2)
    }

    static func between(_ start: String, _ end: String, in text: String) -> String? {
        guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else { return nil }
        return String(text[a.upperBound..<b.lowerBound])
    }
}
