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

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        guard Self.unbalanced(in: pair.readableSource) == nil else { return [] }
        guard let (c, offset) = Self.unbalanced(in: pair.readableTarget) else { return [] }
        return [QAIssue("\"\(c)\" has no partner", at: offset)]
    }

    /// The opening bracket a closing one pairs with: `()`, `[]`, `{}`, full-width `（）`, `【】`.
    @inline(__always)
    static func opener(ofCloser v: UInt32) -> UInt32? {
        switch v {
        case 0x29: 0x28
        case 0x5D: 0x5B
        case 0x7D: 0x7B
        case 0xFF09: 0xFF08
        case 0x3011: 0x3010
        default: nil
        }
    }

    @inline(__always)
    static func isOpener(_ v: UInt32) -> Bool { v == 0x28 || v == 0x5B || v == 0x7B || v == 0xFF08 || v == 0x3010 }

    /// The first bracket in `text` without a partner, and where it is (in characters). A text
    /// without a bracket byte (ASCII, or the lead byte of the full-width ones) has none.
    static func unbalanced(in text: String) -> (Character, Int)? {
        guard text.utf8.contains(where: { b in
            b == UInt8(ascii: "(") || b == UInt8(ascii: ")") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]")
                || b == UInt8(ascii: "{") || b == UInt8(ascii: "}") || b == 0xE3 || b == 0xEF
        }) else { return nil }
        return unbalanced(Graphemes.characterValues(text))
    }

    /// The first unpaired bracket among characters given by their scalar value.
    private static func unbalanced(_ characters: [UInt32]) -> (Character, Int)? {
        var stack: [(UInt32, Int)] = []
        func character(_ v: UInt32) -> Character { Character(Unicode.Scalar(v) ?? "?") }
        for (i, v) in characters.enumerated() {
            if isOpener(v) {
                stack.append((v, i))
            } else if let opener = opener(ofCloser: v) {
                guard stack.last?.0 == opener else { return (character(v), i) }
                stack.removeLast()
            }
        }
        return stack.first.map { (character($0.0), $0.1) }
    }
}
