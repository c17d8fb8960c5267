import Foundation
import L10nCore
import Testing
@testable import L10nFormats

/// What the HTML filter extracts from each fixture: units, segments and codes, exactly.
@Suite struct HTMLFilterTests {
    private func outline(_ name: String) throws -> [String] {
        HTMLTestSupport.outline(try HTMLTestSupport.document(try HTMLTestSupport.fixture(name)))
    }

    private func unit(_ doc: Document, _ index: Int) -> TextUnit { doc.units[index] }

    /// The original bytes a unit covers.
    private func bytes(of unit: TextUnit, in doc: Document) throws -> String {
        let span = try #require(doc.skeleton.spans.first { $0.unit == unit.id })
        return String(decoding: doc.skeleton.original[span.start..<span.end], as: UTF8.self)
    }

    /// The original bytes of a unit's first segment.
    private func segmentBytes(of unit: TextUnit, in doc: Document) throws -> String {
        let span = try #require(doc.skeleton.spans.first { $0.unit == unit.id })
        let part = try #require(span.parts.first { $0.id.hasPrefix("s") })
        return String(decoding: doc.skeleton.original[part.start..<part.end], as: UTF8.self)
    }

    @Test func filterDescription() {
        #expect(HTMLFilter.formatID == "html")
        #expect(HTMLFilter.fileExtensions == ["html", "htm", "xhtml"])
    }

    @Test func unclosedParagraphsAndListItemsAreClosedWhereLibxml2ClosesThem() throws {
        #expect(try outline("unclosed-paragraphs.html") == [
            "html:p: First paragraph",
            "html:p: Second {1}bold",
            "html:li: One",
            "html:li: Two {1}three",
            "html:p: a",
            "html:p: b",
        ])
        let doc = try HTMLTestSupport.document(try HTMLTestSupport.fixture("unclosed-paragraphs.html"))
        // `<b>` is closed by the implied `</p>`: an open code whose partner is not in the unit.
        let bold = try #require(doc.units[1].source.codes.first)
        #expect(bold.kind == .open && bold.isolated && bold.data == "<b>")
        #expect(try segmentBytes(of: doc.units[0], in: doc) == "First paragraph")
        #expect(try bytes(of: doc.units[0], in: doc) == "First paragraph\n")
    }

    @Test func translatableAttributes() throws {
        let doc = try HTMLTestSupport.document(try HTMLTestSupport.fixture("attributes-alt-title.html"))
        #expect(HTMLTestSupport.outline(doc) == [
            "html:attr-title: Product gallery",
            "html:attr-alt: A red bicycle",
            "html:p: Ride the {1}new bike{/1} today. {2/} Done.",
            "html:attr-title: All bikes",
            "html:attr-alt: single quoted",
            "html:attr-placeholder: Your e-mail",
            "html:attr-aria-label: E-mail address",
            "html:attr-value: Subscribe",
            "html:attr-title: Go home",
            "html:p: Home",
        ])
        // Attribute units cover exactly the value bytes, inside the quotes.
        #expect(try bytes(of: doc.units[1], in: doc) == "A red bicycle")
        #expect(doc.units[1].name == "img@alt")
        #expect(try bytes(of: doc.units[7], in: doc) == "Subscribe")
        // Inside a paragraph each start tag is one code; its attributes are subflows of the
        // paragraph, nested in that code's bytes, and the codes that carry them cannot be deleted.
        let codes = doc.units[2].source.codes
        #expect(codes.map(\.data) == ["<a href=\"/bikes\" title=\"All bikes\">", "</a>", "<img src=\"i.png\" alt='single quoted'>"])
        #expect(codes.map(\.kind) == [.open, .close, .standalone])
        #expect(codes.map(\.canDelete) == [false, false, false])
        let spans = doc.skeleton.spans
        #expect(spans[3].parent?.unit == "u3" && spans[3].parent?.code == 0)
        #expect(spans[4].parent?.unit == "u3" && spans[4].parent?.code == 2)
        for (span, value) in [(spans[3], "All bikes"), (spans[4], "single quoted")] {
            let data = codes[span.parent!.code].data.utf8
            #expect(String(decoding: data.dropFirst(span.parent!.offset).prefix(span.end - span.start), as: UTF8.self) == value)
        }
        #expect(try bytes(of: doc.units[3], in: doc) == "All bikes")
        #expect(try bytes(of: doc.units[4], in: doc) == "single quoted")
        #expect(doc.units[3].notes.first?.text == "a@title inside unit u3: “Ride the new bike today. Done.”")
        #expect(spans.allSatisfy { $0.unit == "u3" || $0.parent == nil || $0.parent?.unit == "u3" })
    }

    /// The context note of a subflow quotes the first 60 characters of its parent's first
    /// sentence, whitespace runs as one space, non-ASCII characters whole, "…" when cut.
    @Test func subflowNoteQuotesTheStartOfItsSentence() throws {
        let long = try HTMLTestSupport.document(
            "<p>Grüße   aus\n Köln: <a title=\"Mehr\">Fahrräder</a> für jeden Weg, jede Stadt und jedes Wetter, das ganze Jahr.</p>")
        #expect(long.units[1].notes.first?.text
            == "a@title inside unit u1: “Grüße aus Köln: Fahrräder für jeden Weg, jede Stadt und jede…”")
        let short = try HTMLTestSupport.document("<p>Çà et là <img alt=\"Vélo\" src=\"v.png\"> ✓</p>")
        #expect(short.units[1].notes.first?.text == "img@alt inside unit u1: “Çà et là ✓”")
    }

    @Test func notranslateIsAClassNameNotASubstring() {
        for (classes, expected) in [("notranslate", true), ("brand notranslate", true), ("a\tnotranslate\nb", true),
                                    ("notranslated", false), ("x-notranslate", false), ("", false), ("  ", false)] {
            #expect(HTMLTree.Element.hasClass(classes, "notranslate") == expected, "\(classes)")
        }
    }

    @Test func notranslateAndCodeAreProtected() throws {
        let doc = try HTMLTestSupport.document(try HTMLTestSupport.fixture("notranslate.html"))
        #expect(HTMLTestSupport.outline(doc) == [
            "html:p: Buy the {1/} now.",
            "html:span: but translate this",
            "html:p: Run {1/} then press {2/}+{3/}.",
            "html:p: Translated again",
        ])
        let brand = try #require(doc.units[0].source.codes.first)
        #expect(brand.data == "<span class=\"notranslate\">AcmeBook Pro</span>")
        #expect(brand.subType == "l10n:notranslate" && brand.equiv == "AcmeBook Pro" && !brand.canDelete)
        #expect(brand.isProtectedText)
        let code = doc.units[2].source.codes
        #expect(code.map(\.data) == ["<code>npm install</code>", "<kbd>Ctrl</kbd>", "<kbd>S</kbd>"])
        #expect(code.allSatisfy { $0.subType == "l10n:code" && !$0.canDelete })
        #expect(doc.units[2].source.readableText == "Run npm install then press Ctrl+S.")
    }

    @Test func scriptStylePreTemplateAndCommentsStayInTheSkeleton() throws {
        let doc = try HTMLTestSupport.document(try HTMLTestSupport.fixture("script-style.html"))
        #expect(HTMLTestSupport.outline(doc) == [
            "html:title: Shop",
            "html:p: Visible text{1/} continues.",
            "html:attr-placeholder: Write here",
            "html:p: Before {1/} after.",
        ])
        let script = try #require(doc.units[1].source.codes.first)
        #expect(script.data == "<script>document.write(\"SCRIPTMARK\")</script>")
        #expect(script.subType == "html:script" && !script.canDelete)
    }

    @Test func entitiesAreDecodedIntoTheirOwnPieces() throws {
        let doc = try HTMLTestSupport.document(try HTMLTestSupport.fixture("entities.html"))
        #expect(HTMLTestSupport.outline(doc) == [
            "html:p: Fish & chips été é café\u{A0}bar © 2024",
            // libxml2 needs the `;` of a named reference and knows only HTML 4's entities.
            "html:p: Literal &amp without semicolon and &unknown; entity, 3 < 4 > 2.",
            "html:attr-alt: Tom & Jerry",
        ])
        #expect(try bytes(of: doc.units[2], in: doc) == "Tom &amp; Jerry")
    }

    @Test func crlfAndByteOrderMarkArePreserved() throws {
        let data = try HTMLTestSupport.fixture("crlf-bom.html")
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let doc = try HTMLTestSupport.document(data)
        #expect(HTMLTestSupport.outline(doc) == ["html:h1: Title line", "html:p: First line\r\nsecond line"])
        // Offsets count the BOM: the heading starts after BOM, doctype, <html>, <body>, <h1> and CRLFs.
        #expect(doc.skeleton.spans[0].start == 3 + 15 + 2 + 6 + 2 + 6 + 2 + 4)
        #expect(try segmentBytes(of: doc.units[1], in: doc) == "First line\r\nsecond line")
    }

    @Test func fragmentWithoutHtmlOrBody() throws {
        let doc = try HTMLTestSupport.document(try HTMLTestSupport.fixture("fragment-product.html"))
        #expect(HTMLTestSupport.outline(doc) == [
            "html:h2: Ultralight Tent",
            "html:p: Our {1}lightest{/1} tent weighs only {2}1.2\u{A0}kg{/2}.",
            "html:li: Sets up in {1}3 minutes{/1}",
            // A link wrapping the whole item is unwrapped: its tags stay in the skeleton.
            "html:li: Care instructions",
            // Text after the list sits directly in libxml2's implied <body>.
            "html:body: Plain trailing text with a {1/} line break.",
        ])
        let br = try #require(doc.units[4].source.codes.first)
        #expect(br.data == "<br>" && br.equiv == "\n" && br.subType == "xlf:lb")
    }

    @Test func fullPage() throws {
        let doc = try HTMLTestSupport.document(try HTMLTestSupport.fixture("full-page.html"))
        #expect(HTMLTestSupport.outline(doc) == [
            "html:attr-content: Tents and sleeping bags",
            "html:attr-content: tent, camping",
            "html:attr-content: Outdoor Shop",
            "html:title: Outdoor Shop",
            "html:nav: {1}Home{/1} | {2}Tents{/2}",
            "html:section: Intro text directly in a section.",
            "html:h1: Welcome",
            "html:p: We sell {1}tents{/1}.",
            "html:caption: Sizes",
            "html:th: Size",
            "html:td: Large",
            "html:attr-alt: Tent",
            "html:figcaption: Our tent",
            "html:label: Search",
            "html:attr-placeholder: Search products",
            "html:button: Go",
            "html:option: Red",
            "html:attr-label: Blue color",
            "html:option: Blue",
            "html:summary: More",
            "html:details: Hidden details.",
        ])
        #expect(doc.units[0].name == "meta[description]@content")
        #expect(doc.units[2].name == "meta[og:title]@content")
    }

    @Test func inlineNesting() throws {
        let doc = try HTMLTestSupport.document(try HTMLTestSupport.fixture("inline-nesting.html"))
        #expect(HTMLTestSupport.outline(doc) == [
            "html:p: This is {1}bold and {2}italic {3}underlined{/3}{/2}{/1} text with a{4/}break and {5}a {6}strong{/6} link{/5}.",
            "html:p: Entirely emphasized paragraph.",
            // A comment is a code; the stray `</i>` libxml2 skipped is kept as markup.
            "html:p: Comment {1/} inside and {2}stray{3/} end tag{/2}.",
        ])
        let codes = doc.units[0].source.codes
        #expect(codes.first { $0.id == "5" && $0.kind == .open }?.data == "<a href=\"https://x\" class=\"c\">")
        #expect(codes.first { $0.id == "5" && $0.kind == .close }?.data == "</a>")
        #expect(codes.first { $0.id == "1" }?.subType == "xlf:b")
        #expect(codes.first { $0.id == "5" }?.type == .link)
        #expect(doc.units[2].source.codes.map(\.data) == ["<!-- note -->", "<span>", "</i>", "</span>"])
        #expect(doc.units[2].source.codes.map(\.subType) == ["html:comment", nil, "html:markup", nil])
    }

    @Test func uppercaseTagsAndUnquotedAttributes() throws {
        let doc = try HTMLTestSupport.document(try HTMLTestSupport.fixture("uppercase-unquoted.html"))
        #expect(HTMLTestSupport.outline(doc) == [
            "html:p: Upper {1}case{/1} tags",
            "html:div: Block {1/} text{2/}next",
            "html:attr-alt: Quoted alt",
            "html:attr-title: Single",
            "html:p: End",
        ])
        #expect(doc.units[1].source.codes.map(\.data) == ["<IMG SRC=a.png ALT=\"Quoted alt\">", "<BR/>"])
        #expect(doc.skeleton.spans[2].parent?.unit == "u2")
    }

    @Test func nonUTF8CharsetDeclarationsAreIgnoredBecauseInputIsUTF8() throws {
        let doc = try HTMLTestSupport.document(try HTMLTestSupport.fixture("meta-charset-latin1.html"))
        #expect(HTMLTestSupport.outline(doc) == [
            "html:p: Größe: 42\u{A0}cm — „Qualität“ für 日本 · café",
            "html:attr-title: Ünïcödé",
            "html:p: Straße",
        ])
        #expect(try bytes(of: doc.units[1], in: doc) == "Ünïcödé")
    }

    /// libxml2 reports long text in 1000-character chunks and, at a chunk's end, stands before
    /// its last character; a multi-byte character there must stay text.
    @Test func textChunkBoundaryWithMultiByteCharacter() throws {
        for length in [999, 1000, 1001, 2000] {
            let text = String(repeating: "a", count: length - 1) + "é"
            let html = "<p>\(text)<b>x</b></p>"
            let doc = try HTMLTestSupport.document(html)
            #expect(HTMLTestSupport.outline(doc) == ["html:p: \(text){1}x{/1}"], "length \(length)")
            #expect(try HTMLTestSupport.merge(doc) == Data(html.utf8))
        }
    }

    /// Text pieces are verbatim between references, so a sentence breaker may split inside them.
    @Test func sentencesSplitInsideVerbatimText() throws {
        struct PeriodBreaker: SentenceBreaking {
            func sentenceBoundaries(in text: String) -> [Int] {
                var out: [Int] = []
                let u = Array(text.utf16)
                for i in u.indices where u[i] == 0x2E && i + 1 < u.count && u[i + 1] == 0x20 { out.append(i + 2) }
                return out + [u.count]
            }
        }
        let html = "<p>First one. Second &amp; <b>bold</b>. Third.</p>"
        let data = Data(html.utf8)
        let drafts = try HTMLFilter().read(data, text: html, file: "s.html")
        let doc = try DocumentBuilder(breaker: PeriodBreaker()).build(original: "s.html", format: "html", bytes: data,
                                                                      sourceLanguage: "en", drafts: drafts)
        #expect(HTMLTestSupport.outline(doc) == ["html:p: First one. | Second & {1}bold{/1}. | Third."])
        #expect(try HTMLTestSupport.merge(doc) == data)
        #expect(try HTMLTestSupport.merge(HTMLTestSupport.forcingRerender(doc)) == data)
    }

    @Test func emptyAndBlankInputs() throws {
        #expect(try HTMLFilter().read(Data(), text: "", file: "empty.html").isEmpty)
        #expect(try HTMLTestSupport.document("  \n ").units.isEmpty)
        #expect(try HTMLTestSupport.document("<!-- only a comment -->").units.isEmpty)
    }

    @Test func plainTextFragmentIsOneUnit() throws {
        let doc = try HTMLTestSupport.document("Just text, no tags.")
        #expect(HTMLTestSupport.outline(doc) == ["html:p: Just text, no tags."])
    }

    @Test func labelInsideASentenceIsInline() throws {
        let doc = try HTMLTestSupport.document("<p>Tick <label>this box</label> to agree.</p>")
        #expect(HTMLTestSupport.outline(doc) == ["html:p: Tick {1}this box{/1} to agree."])
    }

    @Test func blockInsideInlineSplitsUnits() throws {
        let doc = try HTMLTestSupport.document("<a href=\"/x\"><div>Card title</div><p>Card text</p></a>")
        #expect(HTMLTestSupport.outline(doc) == ["html:div: Card title", "html:p: Card text"])
    }

    @Test func excessiveNestingIsAFormatErrorWithALine() throws {
        let html = "<p>x</p>\n" + String(repeating: "<span>", count: HTMLTreeBuilder.maxDepth + 10) + "deep"
        let error = try #require(throws: FormatError.self) { try HTMLTestSupport.document(html) }
        #expect(error.location?.file == "test.html")
        #expect(error.location?.line == 2)
    }
}
