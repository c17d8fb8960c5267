import L10nCore
import L10nMT
import Testing

/// The pseudo-translator, the one backend there is: it must reach every string, touch no code
/// and leave text without letters alone (this target used to hold no test at all).
@Suite struct PseudoBackendTests {
    static let context = TranslationContext(sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag("qps")!)

    @Test func oneTargetPerRequestInOrderCodesUntouched() async throws {
        let link = InlineCode(kind: .standalone, id: "1", data: "https://example.com/x", subType: "l10n:url", equiv: "https://example.com/x")
        let requests = [
            SegmentRequest(key: "u1-s1", source: Content(text: "Pump")),
            SegmentRequest(key: "u2-s1", source: Content([.text("See "), .code(link), .text(" now.")])),
            SegmentRequest(key: "u3-s1", source: Content(text: "42 %")),
        ]
        let results = try await PseudoBackend().translate(requests, context: Self.context)
        #expect(results.count == requests.count)
        let targets = results.compactMap { result -> Content? in
            if case .translated(let content) = result { return content } else { return nil }
        }
        try #require(targets.count == requests.count, "every request translated: \(results)")
        #expect(targets[0].plainText == "[Þûḿþ ·]")
        #expect(targets[1].codes == [link], "codes pass through unchanged")
        #expect(targets[1].plainText.hasPrefix("[Šéé ") && targets[1].plainText.contains(" ñőŵ."))
        #expect(targets[2] == requests[2].source, "text without letters is left as it is")
    }

    @Test func expansionFollowsTheLetterCount() {
        let source = Content(text: String(repeating: "a", count: 10))
        #expect(PseudoBackend(expansion: 0.3).pseudoLocalize(source).plainText == "[" + String(repeating: "à", count: 10) + " ·ĺ]")
        #expect(PseudoBackend(expansion: 0).pseudoLocalize(source).plainText == "[" + String(repeating: "à", count: 10) + "]")
    }
}
