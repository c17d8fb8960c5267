import L10nCore

/// A sentence that ends with a full stop, question or exclamation mark or colon in the source
/// ends with one of the same kind in the target (CJK full-width forms count).
public struct EndPunctuationCheck: QACheck {
    public static let description = CheckDescription(
        id: "punctuation.end", name: "End punctuation",
        summary: "The target ends with the same kind of punctuation as the source (., ?, !, :), full-width forms included.",
        rationale: "A lost full stop runs two sentences together on the page; a question turned into a statement changes what the copy asks. Closing quotes and brackets after the mark are looked through; headings without a mark are left alone.",
        defaultSeverity: .warning,
        passing: [
            CheckExample("Free shipping.", "Kostenloser Versand."),
            CheckExample("Why AquaFlow?", "Warum AquaFlow?"),
            CheckExample("Free shipping.", "送料無料。", to: "ja-JP"),
            CheckExample("Specifications", "Technische Daten"),
            CheckExample("Say \"hello.\"", "Sag „Hallo.“"),
        ],
        failing: [
            CheckExample("Free shipping.", "Kostenloser Versand⟦"),
            CheckExample("Why AquaFlow?", "Warum AquaFlow.⟦"),
            CheckExample("Specifications", "Technische Daten:⟦"),
        ],
        judgesLanguage: true)

    public init() {}

    static let kinds: [Character: Character] = [
        ".": ".", "。": ".", "．": ".", "…": ".",
        "?": "?", "？": "?", "¿": "?",
        "!": "!", "！": "!", "¡": "!",
        ":": ":", "：": ":",
    ]
    static let closers: Set<Character> = ["\"", "'", "”", "’", "“", "»", "«", "›", ")", "]", "）", "」", "』", "*", "_"]

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        let t = pair.readableTarget
        guard !t.allSatisfy(\.isWhitespace) else { return [] }
        let s = Self.end(pair.readableSource), e = Self.end(t)
        guard s != e else { return [] }
        let describe = { (k: Character?) in k.map { "\"\($0)\"" } ?? "no end punctuation" }
        let trimmed = t.reversed().drop(while: \.isWhitespace).count
        return [QAIssue("the target ends with \(describe(e)) where the source ends with \(describe(s))", at: trimmed)]
    }

    /// The kind of the last punctuation mark, looking through whitespace and closing quotes.
    static func end(_ text: String) -> Character? {
        for c in text.reversed() where !c.isWhitespace && !closers.contains(c) {
            return kinds[c]
        }
        return nil
    }
}
