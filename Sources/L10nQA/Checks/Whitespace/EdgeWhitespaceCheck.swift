import L10nCore

/// Leading and trailing whitespace kept as in the source.
public struct EdgeWhitespaceCheck: QACheck {
    public static let description = CheckDescription(
        id: "whitespace.edges", name: "Leading and trailing whitespace",
        summary: "The target starts and ends with the same whitespace as the source.",
        rationale: "Whitespace at a segment's edges joins it to its neighbours on the page; an added or lost space glues words together or opens a gap, and is invisible in most editors.",
        defaultSeverity: .warning,
        passing: [
            CheckExample("Free shipping. ", "Kostenloser Versand. "),
            CheckExample("Free shipping.", "Kostenloser Versand."),
        ],
        failing: [
            CheckExample("Free shipping.", "⟦ Kostenloser Versand."),
            CheckExample("Free shipping. ", "Kostenloser Versand.⟦"),
        ])

    public init() {}

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        let s = pair.readableSource, t = pair.readableTarget
        // Texts that start and end with an ASCII letter, digit or mark have no edge whitespace.
        if Self.plainEdges(s), Self.plainEdges(t) { return [] }
        guard !t.allSatisfy(\.isWhitespace) else { return [] }  // target.empty says it
        var issues: [QAIssue] = []
        let sLead = s.prefix(while: \.isWhitespace), tLead = t.prefix(while: \.isWhitespace)
        if sLead != tLead { issues.append(QAIssue("the target starts with \(Self.describe(tLead)) where the source has \(Self.describe(sLead))", at: 0)) }
        let sTrail = String(s.reversed().prefix(while: \.isWhitespace)), tTrail = String(t.reversed().prefix(while: \.isWhitespace))
        if sTrail != tTrail { issues.append(QAIssue("the target ends with \(Self.describe(tTrail)) where the source has \(Self.describe(sTrail))", at: t.count)) }
        return issues
    }

    /// Whether `text` starts and ends with a printable ASCII character other than the space
    /// (a non-ASCII byte could be the start of a no-break space, or of a combining mark).
    static func plainEdges(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }

    static func describe(_ s: some StringProtocol) -> String {
        s.isEmpty ? "no whitespace" : "\(s.count) whitespace character\(s.count == 1 ? "" : "s")"
    }
}
