import L10nCore
import L10nMemory
import Testing

@Suite struct StoredContentTests {
    @Test func contentWithCodesRoundTrips() throws {
        let content = Content([
            .text("Press "), .code(InlineCode(kind: .open, id: "1", data: "<b>", type: .fmt, display: "<b>")), .text("Start"),
            .code(InlineCode(kind: .close, id: "1", data: "</b>", type: .fmt)), .text(" for "),
            .code(InlineCode(kind: .standalone, id: "2", data: "XP-2000B", subType: "l10n:sku", equiv: "XP-2000B", canDelete: false)),
            .text("."),
        ])
        let stored = StoredContent(content)
        #expect(stored.text == "Press \u{E000}Start\u{E000} for \u{E000}.")
        #expect(stored.codes.hasPrefix(#"[{"data":"<b>","display":"<b>","id":"1","kind":"open","type":"fmt"}"#))
        #expect(stored.codes.contains(#""canDelete":false"#))
        #expect(stored.content == content)
    }

    @Test func privateUseMarkersInTheTextAreEscaped() throws {
        let content = Content([.text("odd \u{E000} and \u{E001} text"), .code(InlineCode(kind: .standalone, id: "x", data: "<br/>"))])
        let stored = StoredContent(content)
        #expect(stored.text == "odd \u{E001}\u{E000} and \u{E001}\u{E001} text\u{E000}")
        #expect(stored.content == content)
    }

    @Test func textAndTableThatDisagreeDoNotDecode() {
        #expect(StoredContent(text: "a \u{E000} b", codes: "[]").content == nil)
        #expect(StoredContent(text: "no codes", codes: #"[{"data":"<b>","id":"1","kind":"open"}]"#).content == nil)
        #expect(StoredContent(text: "plain", codes: "[]").content == Content(text: "plain"))
    }
}
