import L10nCore
import L10nTestSupport
import Testing
@testable import L10nFormats

@Suite struct HTMLEscaperTests {
    let escaper = HTMLEscaper()

    /// Element content keeps its quotes (`1/2" NPT` stays readable); only markup characters are
    /// escaped.
    @Test func textEscapesMarkupCharactersButKeepsQuotes() {
        #expect(escaper.escape("a < b & c > \"d\" 'e'", unitType: "html:p") == "a &lt; b &amp; c &gt; \"d\" 'e'")
        #expect(escaper.escape("1/2\" NPT", context: EscapingContext(unitType: "html:li")) == "1/2\" NPT")
    }

    /// Text that follows the opening part of a tag split around its attribute value is inside
    /// that value, so its quotes are escaped like an attribute unit's.
    @Test func textInsideASplitTagEscapesQuotes() {
        let open = InlineCode(kind: .open, id: "1", data: "<a href=\"/bikes\" title=\"")
        let context = EscapingContext(unitType: "html:p", previousCode: open)
        #expect(escaper.escape("the \"best\" it's", context: context) == "the &quot;best&quot; it&#39;s")
    }

    @Test func attributesAlsoEscapeApostrophes() {
        #expect(escaper.escape("it's \"x\"", unitType: "html:attr-alt") == "it&#39;s &quot;x&quot;")
    }

    /// The escaper copies unescaped text a run at a time: on random text it must write what a
    /// character-by-character mapping writes.
    @Test func runsAreCopiedAsACharacterMappingWritesThem() {
        func reference(_ text: String, inAttribute: Bool) -> String {
            var out = ""
            for c in text.unicodeScalars {
                switch c {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"" where inAttribute: out += "&quot;"
                case "'" where inAttribute: out += "&#39;"
                case "\u{A0}": out += "&nbsp;"
                default: out.unicodeScalars.append(c)
                }
            }
            return out
        }
        var random = SplitMix64(seed: 39)
        let alphabet: [Unicode.Scalar] = ["a", " ", "&", "<", ">", "\"", "'", "\u{A0}", "¡", "é", "日", "😀", ";"]
        for _ in 0..<2_000 {
            let text = String(String.UnicodeScalarView((0..<Int(random.next() % 16)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            #expect(escaper.escape(text, unitType: "html:p") == reference(text, inAttribute: false), "\(text.debugDescription)")
            #expect(escaper.escape(text, unitType: "html:attr-alt") == reference(text, inAttribute: true), "\(text.debugDescription)")
        }
    }

    @Test func nonASCIIStaysUTF8AndNoBreakSpaceIsNamed() {
        #expect(escaper.escape("Größe\u{A0}XL 日本", unitType: "html:p") == "Größe&nbsp;XL 日本")
        #expect(escaper.escape("plain", unitType: nil) == "plain")
    }
}
