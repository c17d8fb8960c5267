import L10nCore

/// A target with no text where the source has some.
public struct EmptyTargetCheck: QACheck {
    public static let description = CheckDescription(
        id: "target.empty", name: "Empty target",
        summary: "The target is empty or only whitespace while the source has text.",
        rationale: "An empty target merges as nothing: the sentence disappears from the page. It is never a translation.",
        defaultSeverity: .error,
        passing: [
            CheckExample("Stainless steel housing.", "Edelstahlgehäuse."),
            CheckExample("{x}", "{x}"),
        ],
        failing: [
            CheckExample("Stainless steel housing.", "⟦"),
            CheckExample("Read {b}this{/b}.", "{b}{/b}⟦"),
        ])

    public init() {}

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        guard !Self.isBlank(pair.readableSource), Self.isBlank(pair.readableTarget) else { return [] }
        return [QAIssue("the target is empty")]
    }

    /// Whether every character of `text` is whitespace. A character is whitespace by its first
    /// scalar, so a text starting with visible ASCII is answered without breaking characters.
    static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return text.allSatisfy(\.isWhitespace)
    }
}
