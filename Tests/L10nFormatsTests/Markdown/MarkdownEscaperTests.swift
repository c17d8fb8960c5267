import L10nCore
import Testing
@testable import L10nFormats

/// What the escaper does with translated text, place by place.
@Suite("Markdown escaper")
struct MarkdownEscaperTests {
    let escaper = MarkdownEscaper()

    func inline(_ text: String, _ type: String = "md:paragraph", start: Bool = false) -> String {
        escaper.escape(text, context: EscapingContext(unitType: type, isUnitStart: start))
    }

    @Test("ordinary punctuation is left alone", arguments: [
        "Hello, world! (really?) \"quoted\" 'single' 2 * 3 = 6; a_b_c; 50% off; x > y; a < b; a & b; #1 hit; C# code.",
    ])
    func ordinaryPunctuation(_ text: String) {
        #expect(inline(text) == text)
    }

    @Test func inlineMarkupIsEscaped() {
        #expect(inline("*a* _b_ `c` [d] <e> ~f~ \\* &copy;") == "\\*a\\* \\_b\\_ \\`c\\` \\[d\\] \\<e> \\~f\\~ \\\\\\* \\&copy;")
    }

    @Test("block starters are escaped where a line starts", arguments: [
        ("# Title", "\\# Title"), ("> quote", "\\> quote"), ("- item", "\\- item"), ("+ item", "\\+ item"),
        ("* item", "\\* item"), ("1. first", "1\\. first"), ("2) second", "2\\) second"), ("---", "\\---"),
        ("===", "\\==="), ("~~~", "\\~\\~\\~"), ("    four spaces", "&#32;&#32;&#32;&#32;four spaces"),
    ])
    func lineStart(_ pair: (String, String)) {
        #expect(inline(pair.0, start: true) == pair.1)
        // The same text in the middle of a line needs no block escape.
        #expect(!inline(pair.0, start: false).hasPrefix("&#32;"))
    }

    @Test func afterAHardBreakIsALineStart() {
        let br = InlineCode(kind: .standalone, id: "1", data: "  \n", type: .fmt, subType: "xlf:lb")
        #expect(escaper.escape("- next", context: EscapingContext(unitType: "md:paragraph", previousCode: br)) == "\\- next")
        #expect(escaper.escape("- next", context: EscapingContext(unitType: "md:paragraph")) == "- next")
    }

    @Test func lineBreaksBecomeSpaces() {
        #expect(inline("one\ntwo\r\nthree") == "one two three")
    }

    @Test func tableCellsEscapePipes() {
        #expect(inline("a | b", "md:table-cell") == "a \\| b")
        #expect(inline("a | b") == "a | b")
    }

    @Test func headingsEscapeAClosingHashRun() {
        #expect(inline("Issue #", "md:heading") == "Issue \\#")
        #expect(inline("C# rocks", "md:heading") == "C# rocks")
    }

    @Test func bangBeforeALinkIsEscaped() {
        let link = InlineCode(kind: .open, id: "1", data: "[", type: .link)
        #expect(escaper.escape("Wow!", context: EscapingContext(unitType: "md:paragraph", nextCode: link)) == "Wow\\!")
        #expect(inline("Wow!") == "Wow!")
    }

    @Test func linkTitlesEscapeTheirDelimiter() {
        let open = InlineCode(kind: .open, id: "2", data: " (", type: .link, subType: "md:link-title")
        let context = EscapingContext(unitType: "md:paragraph", enclosingCodes: [open])
        #expect(escaper.escape("a (b) *c* \"d\"", context: context) == "a \\(b\\) *c* \"d\"")
    }

    @Test("front matter stays valid YAML", arguments: [
        ("md:front-matter", "Plain title", "Plain title"),
        ("md:front-matter", "Title: with colon", "\"Title: with colon\""),
        ("md:front-matter", "yes", "\"yes\""),
        ("md:front-matter", "- dash", "\"- dash\""),
        ("md:front-matter", "say \"hi\" # now", "\"say \\\"hi\\\" # now\""),
        ("md:front-matter-dq", "a \"b\" \\ c", "a \\\"b\\\" \\\\ c"),
        ("md:front-matter-sq", "it's", "it''s"),
    ])
    func frontMatter(_ c: (String, String, String)) {
        #expect(escaper.escape(c.1, unitType: c.0) == c.2)
    }

    @Test("escaped text renders as the same text", arguments: [
        "*stars* and _underscores_ and `ticks`", "[not a link](x.html)", "<b>not html</b>", "&amp; &copy; literally",
        "back\\slash \\* here", "~~not struck~~", "a | b", "# not a heading", "1. not a list",
    ])
    func rendersAsText(_ text: String) {
        let written = inline(text, start: true)
        let html = MarkdownTestSupport.normalizedHTML(written + "\n")
        let expected = "<p>" + text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;") + "</p>"
        #expect(html == expected)
    }
}
