import L10nCore
import L10nMT
import Testing

/// Content as XML-tagged text and back, without an engine.
@Suite struct XMLTagMarkupTests {
    static let a = InlineCode(kind: .open, id: "a", data: "<b>"), aEnd = InlineCode(kind: .close, id: "a", data: "</b>")
    static let b = InlineCode(kind: .open, id: "b", data: "<i>"), bEnd = InlineCode(kind: .close, id: "b", data: "</i>")
    static let lone = InlineCode(kind: .close, id: "z", data: "</a>", isolated: true)

    @Test func nestedPairsBecomeGAndTheRestX() throws {
        let content = Content([.code(Self.a), .text("x < y"), .code(Self.b), .text("& z"), .code(Self.bEnd), .code(Self.aEnd), .code(Self.lone)])
        let encoded = XMLTagMarkup.encode(content)
        #expect(encoded.text == #"<g id="0">x &lt; y<g id="1">&amp; z</g></g><x id="4"/>"#)
        #expect(try XMLTagMarkup.decode(encoded.text, codes: encoded.codes) == content)
    }

    @Test func crossedPairsTravelAsLoneTags() throws {
        let crossed = Content([.code(Self.a), .text("x"), .code(Self.b), .text("y"), .code(Self.aEnd), .code(Self.bEnd)])
        let encoded = XMLTagMarkup.encode(crossed)
        #expect(!encoded.text.contains("<g"))
        #expect(try XMLTagMarkup.decode(encoded.text, codes: encoded.codes) == crossed)
    }

    @Test func entitiesAndEngineQuirksAreRead() throws {
        let codes = [Self.a, Self.aEnd]
        #expect(try XMLTagMarkup.decode(#"&quot;Oi&quot; &#233;&#x41; <g id='0'>x</g>"#, codes: codes)
                == Content([.text("\"Oi\" éA "), .code(Self.a), .text("x"), .code(Self.aEnd)]))
        #expect(try XMLTagMarkup.decode(#"<g id="0"/>y"#, codes: codes) == Content([.code(Self.a), .code(Self.aEnd), .text("y")]))
        for broken in ["<g id=\"0\">x", "x</g>", "<y id=\"0\"/>", "<x id=\"9\"/>", "a & b", "<g id=\"0\""] {
            #expect(throws: XMLTagMarkup.DecodingError.self, "\(broken)") { try XMLTagMarkup.decode(broken, codes: codes) }
        }
    }
}
