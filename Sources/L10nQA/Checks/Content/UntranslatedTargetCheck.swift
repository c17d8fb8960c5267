import L10nCore

/// A target identical to its source in another language.
public struct UntranslatedTargetCheck: QACheck {
    public static let description = CheckDescription(
        id: "target.untranslated", name: "Copied source",
        summary: "The target repeats the source word for word although the languages differ.",
        rationale: "A copied sentence is usually a forgotten one. Names, model numbers and labels legitimately stay the same, so only text with at least two ordinary (all-lowercase) words is flagged, and never for a market in the source's language.",
        defaultSeverity: .warning,
        passing: [
            CheckExample("AquaFlow XP-2000B", "AquaFlow XP-2000B"),
            CheckExample("Stainless steel housing.", "Stainless steel housing.", to: "en-GB"),
            CheckExample("Stainless steel housing.", "Edelstahlgehäuse."),
        ],
        failing: [
            CheckExample("Stainless steel housing.", "Stainless steel housing.⟦"),
        ])

    public init() {}

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        // The copy test first: it fails at once for nearly every pair, the language test splits tags.
        guard pair.target == pair.source, context.sourceLanguage.language != context.targetLanguage.language else { return [] }
        let words = pair.source.plainText.split { !$0.isLetter }.filter { $0.count >= 2 && $0.allSatisfy(\.isLowercase) }
        guard words.count >= 2 else { return [] }
        return [QAIssue("the target is the untranslated source")]
    }
}
