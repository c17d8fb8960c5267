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
        let s = Self.trimmedCount(pair.readableSource).trimmed
        guard s >= 20 else { return [] }
        let (t, end) = Self.trimmedCount(pair.readableTarget)
        guard t > 0 else { return [] }
        let ratio = Double(t) / Double(s)
        if ratio > 2.5 { return [QAIssue("the target is \(Self.times(ratio)) as long as the source", at: end)] }
        // The language (a split of the tag) only matters for a short target.
        if ratio < 1.0 / 3.0 {
            let minimum = ["zh", "ja", "ko"].contains(context.targetLanguage.language) ? 0.2 : 1.0 / 3.0
            if ratio < minimum { return [QAIssue("the target is only \(Self.percent(ratio)) as long as the source", at: end)] }
        }
        return []
    }

    /// How many characters `text` has once spaces and tabs (Unicode's `Zs`, and TAB: what
    /// Foundation's `CharacterSet.whitespaces` holds) are trimmed from both ends, and how many
    /// it has in all.
    static func trimmedCount(_ text: String) -> (trimmed: Int, all: Int) {
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            // U+0020 is the only ASCII space separator: ASCII goes without the property table.
            if s.isASCII { return s == " " || s == "\t" }
            return s.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return (0, Graphemes.count(text))
        }
        let all = Graphemes.count(text)
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return (all, all) }
        return (Graphemes.count(String(text.unicodeScalars[first...last])), all)
    }

    static func times(_ r: Double) -> String { String(Int((r * 10).rounded()) / 10) + "." + String(Int((r * 10).rounded()) % 10) + "×" }
    static func percent(_ r: Double) -> String { "\(Int((r * 100).rounded()))%" }
}
