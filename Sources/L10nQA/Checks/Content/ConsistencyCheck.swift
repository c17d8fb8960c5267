import L10nCore

/// The same source sentence translated differently in one document.
public struct ConsistencyCheck: QADocumentCheck {
    public static let description = CheckDescription(
        id: "consistency.source", name: "Inconsistent translation",
        summary: "A source sentence that occurs more than once has the same translation each time.",
        rationale: "A product page that says \"Free shipping\" two ways looks careless, and one of the two is usually the wrong one. Sources are compared by their text and codes with whitespace collapsed; the first translation is taken as the reference and every other one is flagged.",
        defaultSeverity: .warning,
        passing: [
            CheckExample("Free shipping.|Free shipping.", "Kostenloser Versand.|Kostenloser Versand."),
            CheckExample("Free shipping.|Fast shipping.", "Kostenloser Versand.|Schneller Versand."),
        ],
        failing: [
            CheckExample("Free shipping.|In stock.|Free  shipping.", "Kostenloser Versand.|Auf Lager.|⟦Gratisversand."),
        ])

    public init() {}

    public func check(_ pairs: [SegmentPair], context: CheckContext) -> [(key: String, issue: QAIssue)] {
        var first: [String: (key: String, target: String)] = [:]
        var out: [(String, QAIssue)] = []
        for pair in pairs {
            let source = Self.normalized(pair.source)
            let target = Self.normalized(pair.target)
            if let reference = first[source] {
                if reference.target != target {
                    out.append((pair.key, QAIssue("the same source is translated differently in \(reference.key)", at: 0)))
                }
            } else {
                first[source] = (pair.key, target)
            }
        }
        return out
    }

    /// Text with whitespace collapsed, codes by kind and markup.
    static func normalized(_ content: Content) -> String {
        var s = ""
        for run in content.runs {
            switch run {
            case .text(let t):
                if Graphemes.allStandalone(t) {
                    appendCollapsed(t, to: &s)
                } else {
                    s += t.split(whereSeparator: \.isWhitespace).joined(separator: " ") + (t.last?.isWhitespace == true ? " " : "")
                }
            case .code(let c): s += "\u{E000}\(c.kind.rawValue)\(c.data)\u{E001}"
            }
        }
        // Every whitespace of the text became one U+0020 and codes are bracketed by U+E000 and
        // U+E001, so trimming spaces and tabs (`CharacterSet.whitespaces`) trims U+0020 only.
        let bytes = s.utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 }), let last = bytes.lastIndex(where: { $0 != 0x20 }) else { return "" }
        if first == bytes.startIndex && bytes.index(after: last) == bytes.endIndex { return s }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// The same as splitting `t` at whitespace characters and joining with one space (plus one
    /// space when it ends with whitespace), for a text whose characters are its scalars: words
    /// are appended whole.
    private static func appendCollapsed(_ t: String, to s: inout String) {
        var wroteWord = false, pendingSpace = false, endsWithSpace = false
        var wordStart: String.Index?
        let scalars = t.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            if Graphemes.isWhitespace(scalars[i]) {
                if let start = wordStart { s.append(contentsOf: t[start..<i]); wordStart = nil; wroteWord = true }
                pendingSpace = wroteWord
                endsWithSpace = true
            } else {
                if wordStart == nil {
                    if pendingSpace { s.append(" "); pendingSpace = false }
                    wordStart = i
                }
                endsWithSpace = false
            }
            i = scalars.index(after: i)
        }
        if let start = wordStart { s.append(contentsOf: t[start...]) }
        if endsWithSpace { s.append(" ") }
    }
}
