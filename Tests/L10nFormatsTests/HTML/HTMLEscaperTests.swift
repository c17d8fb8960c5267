import L10nCore
import Testing
@testable import L10nFormats

@Suite struct HTMLEscaperTests {
    let escaper = HTMLEscaper()

    @Test func textEscapesMarkupCharactersAndQuotes() {
        #expect(escaper.escape("a < b & c > \"d\" 'e'", unitType: "html:p") == "a &lt; b &amp; c &gt; &quot;d&quot; 'e'")
    }

    @Test func attributesAlsoEscapeApostrophes() {
        #expect(escaper.escape("it's \"x\"", unitType: "html:attr-alt") == "it&#39;s &quot;x&quot;")
    }

    @Test func nonASCIIStaysUTF8AndNoBreakSpaceIsNamed() {
        #expect(escaper.escape("Größe\u{A0}XL 日本", unitType: "html:p") == "Größe&nbsp;XL 日本")
        #expect(escaper.escape("plain", unitType: nil) == "plain")
    }
}
