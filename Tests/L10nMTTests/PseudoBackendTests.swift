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

    @Test func bracketsGoInsideTheWhitespaceAtTheEdges() {
        let br = InlineCode(kind: .standalone, id: "1", data: "<br/>", type: .fmt, subType: "xlf:lb", equiv: "\n")
        let bold = InlineCode(kind: .open, id: "2", data: "<b>", type: .fmt)
        let boldEnd = InlineCode(kind: .close, id: "2", data: "</b>", type: .fmt)
        let pseudo = PseudoBackend(expansion: 0)
        // Whitespace after a line-break code, and a space after a closing tag, stay outside: the
        // brackets sit next to the first and last text.
        let target = pseudo.pseudoLocalize(Content([.code(br), .text("\nWarranty "), .code(bold), .text("2 years"), .code(boldEnd), .text(" ")]))
        #expect(target == Content([.code(br), .text("\n[Ŵàŕŕàñţý "), .code(bold), .text("2 ýéàŕš]"), .code(boldEnd), .text(" ")]))
        // One text with spaces at both ends.
        #expect(pseudo.pseudoLocalize(Content(text: "  Pump ")).plainText == "  [Þûḿþ] ")
        // No whitespace at the edges: the brackets go around everything, codes included.
        #expect(pseudo.pseudoLocalize(Content([.code(bold), .text("Pump"), .code(boldEnd)])) == Content([.text("["), .code(bold), .text("Þûḿþ"), .code(boldEnd), .text("]")]))
        // Readable text keeps the source's edges, as QA's whitespace.edges wants.
        let source = Content([.text(" See "), .code(bold), .text("it"), .code(boldEnd), .text(".\n")])
        let readable = pseudo.pseudoLocalize(source).readableText
        #expect(readable.hasPrefix(" [") && readable.hasSuffix("]\n"), "\(readable)")
    }

    @Test func expansionFollowsTheLetterCount() {
        let source = Content(text: String(repeating: "a", count: 10))
        #expect(PseudoBackend(expansion: 0.3).pseudoLocalize(source).plainText == "[" + String(repeating: "à", count: 10) + " ·ĺ]")
        #expect(PseudoBackend(expansion: 0).pseudoLocalize(source).plainText == "[" + String(repeating: "à", count: 10) + "]")
    }
}
