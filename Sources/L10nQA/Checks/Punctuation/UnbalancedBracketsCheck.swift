import L10nCore

/// Brackets that open and never close, or close without opening, in the target only.
public struct UnbalancedBracketsCheck: QACheck {
    public static let description = CheckDescription(
        id: "brackets.unbalanced", name: "Unbalanced brackets",
        summary: "Every (, [ and { of the target is closed, in order, when the source's are.",
        rationale: "A lost bracket usually means a lost half of a parenthesis — often the converted unit or the original figure (\"2 m (6.6 ft\"). Sources that are unbalanced themselves (list labels like \"a)\") are left alone.",
        defaultSeverity: .warning,
        passing: [
            CheckExample("Length 2 m (6.6 ft).", "Länge 2 m (6,6 ft)."),
            CheckExample("a) first", "a) erstens"),
        ],
        failing: [
            CheckExample("Length 2 m (6.6 ft).", "Länge 2 m ⟦(6,6 ft."),
            CheckExample("Size [XL]", "Größe XL⟦]"),
        ])

    public init() {}

    static let pairs: [Character: Character] = [")": "(", "]": "[", "}": "{", "）": "（", "】": "【"]

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        guard Self.unbalanced(Array(pair.source.readableText)) == nil else { return [] }
        guard let (c, offset) = Self.unbalanced(Array(pair.target.readableText)) else { return [] }
        return [QAIssue("\"\(c)\" has no partner", at: offset)]
    }

    /// The first bracket without a partner, and where it is.
    static func unbalanced(_ text: [Character]) -> (Character, Int)? {
        let openers = Set(pairs.values)
        var stack: [(Character, Int)] = []
        for (i, c) in text.enumerated() {
            if openers.contains(c) { stack.append((c, i)) }
            else if let opener = pairs[c] {
                guard stack.last?.0 == opener else { return (c, i) }
                stack.removeLast()
            }
        }
        return stack.first
    }
}
