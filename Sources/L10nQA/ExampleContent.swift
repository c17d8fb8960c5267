import L10nCore

/// Turns the text of a ``CheckExample`` into ``Content``: `{b}`/`{/b}` become a paired code,
/// `{x}` a standalone one, `{url}` a protected URL, and each ``CheckExample/marker`` is removed
/// and its offset (in `Character`s of the readable text) returned.
public enum ExampleContent {
    public static func parse(_ text: String) -> (content: Content, markers: [Int]) {
        var runs: [Content.Run] = []
        var buffer = ""
        var readable = 0
        var markers: [Int] = []
        var rest = Substring(text)
        func flush() { if !buffer.isEmpty { runs.append(.text(buffer)); buffer = "" } }
        let codes: [(String, InlineCode)] = [
            ("{b}", InlineCode(kind: .open, id: "1", data: "<b>", type: .fmt, display: "<b>")),
            ("{/b}", InlineCode(kind: .close, id: "1", data: "</b>", type: .fmt, display: "</b>")),
            ("{x}", InlineCode(kind: .standalone, id: "2", data: "<br>", type: .fmt, display: "<br>")),
            ("{url}", InlineCode(kind: .standalone, id: "3", data: "https://example.com/care", type: .other, subType: "l10n:url",
                                 display: "https://example.com/care", equiv: "https://example.com/care", canDelete: false)),
        ]
        outer: while let c = rest.first {
            if c == CheckExample.marker { markers.append(readable); rest = rest.dropFirst(); continue }
            for (token, code) in codes where rest.hasPrefix(token) {
                flush()
                runs.append(.code(code))
                if code.isProtectedText, let e = code.equiv { readable += e.count }
                rest = rest.dropFirst(token.count)
                continue outer
            }
            buffer.append(c)
            readable += 1
            rest = rest.dropFirst()
        }
        flush()
        return (Content(runs), markers)
    }
}
