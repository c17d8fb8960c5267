import L10nCore

/// A target far longer or shorter than its source.
public struct LengthRatioCheck: QACheck {
    public static let description = CheckDescription(
        id: "length.ratio", name: "Length",
        summary: "The target is more than 2.5 times or less than a third as long as the source (sources of 20 characters or more; CJK targets may be as short as a fifth).",
        rationale: "A translation that grew or shrank that much usually has a sentence added from elsewhere or half of it lost; it also breaks layouts sized for the source. Short sources vary too much to judge, and Chinese, Japanese and Korean need far fewer characters.",
        defaultSeverity: .warning,
        passing: [
            CheckExample("Stainless steel housing, dishwasher safe.", "Edelstahlgehäuse, spülmaschinenfest."),
            CheckExample("Stainless steel housing, dishwasher safe.", "ステンレス製、食洗機対応。", to: "ja-JP"),
            CheckExample("OK", "Einverstanden, das machen wir so"),
        ],
        failing: [
            CheckExample("Stainless steel housing, dishwasher safe and rated for outdoor use.", "Edelstahl.⟦"),
            CheckExample("Free shipping on all orders.", "Kostenloser Versand für alle Bestellungen, dazu zwei Jahre Garantie und Rückgabe innerhalb von dreißig Tagen.⟦"),
        ])

    public init() {}

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        let s = pair.source.readableText.trimmingCharacters(in: .whitespaces).count
        let t = pair.target.readableText.trimmingCharacters(in: .whitespaces)
        guard s >= 20, !t.isEmpty else { return [] }
        let ratio = Double(t.count) / Double(s)
        let minimum = ["zh", "ja", "ko"].contains(context.targetLanguage.language) ? 0.2 : 1.0 / 3.0
        let end = pair.target.readableText.count
        if ratio > 2.5 { return [QAIssue("the target is \(Self.times(ratio)) as long as the source", at: end)] }
        if ratio < minimum { return [QAIssue("the target is only \(Self.percent(ratio)) as long as the source", at: end)] }
        return []
    }

    static func times(_ r: Double) -> String { String(Int((r * 10).rounded()) / 10) + "." + String(Int((r * 10).rounded()) % 10) + "×" }
    static func percent(_ r: Double) -> String { "\(Int((r * 100).rounded()))%" }
}
