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

    /// `( ) [ ] { }`, by a bit per ASCII byte.
    @inline(__always)
    static func isASCIIBracket(_ b: UInt32) -> Bool {
        b < 0x40 ? (UInt64(0x0000_0300_0000_0000) >> UInt64(b)) & 1 != 0 : (UInt64(0x2800_0000_2800_0000) >> UInt64(b - 0x40)) & 1 != 0
    }

    @inline(__always)
    static func isOpener(_ v: UInt32) -> Bool { v == 0x28 || v == 0x5B || v == 0x7B || v == 0xFF08 || v == 0x3010 }

    /// The first bracket in `text` without a partner, and where it is (in characters). A text
    /// without a bracket byte (ASCII, or the lead byte of the full-width ones) has none.
    static func unbalanced(in text: String) -> (Character, Int)? {
        var text = text
        // Over the bytes in place: `text.utf8`'s iterator costs several times the comparison.
        guard text.withUTF8({ $0.contains { b in
            b == UInt8(ascii: "(") || b == UInt8(ascii: ")") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]")
                || b == UInt8(ascii: "{") || b == UInt8(ascii: "}") || b == 0xE3 || b == 0xEF
        } }) else { return nil }
        // When every scalar stands alone, characters are scalars: brackets matched as the scalars
        // are decoded, in the pass that checks that (no pass of its own first). A scalar that
        // joins a neighbour — the one before it too — sends the whole text the other way, so a
        // bracket found early is kept until the end of the text says it stands.
        let standalone: (Character, Int)?? = text.withUTF8 { bytes in
            var matcher = Matcher()
            var found: (Character, Int)?
            var i = 0, index = 0
            let n = bytes.count
            // Only brackets go to the matcher (the rest leave it as it is): ASCII ones found by a
            // bit mask, and no two-byte scalar is one, so those below U+0300 (lead bytes C2–CB,
            // all standalone) pass without being decoded.
            while i < n {
                let b = UInt32(bytes[i])
                if b < 0x80 {
                    if b == 0x0D { return .none }
                    i += 1
                    if found == nil, Self.isASCIIBracket(b), let unpaired = matcher.feed(b, at: index) { found = unpaired }
                } else if b < 0xE0 {
                    guard i + 1 < n else { return .none }
                    if b >= 0xCC {
                        guard Graphemes.isStandalone((b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)) else { return .none }
                    }
                    i += 2
                } else {
                    guard b < 0xF0, i + 2 < n else { return .none }
                    let v = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    guard Graphemes.isStandalone(v) else { return .none }
                    i += 3
                    if found == nil, let unpaired = matcher.feed(v, at: index) { found = unpaired }
                }
                index += 1
            }
            return .some(found ?? matcher.firstOpen)
        }
        if let standalone { return standalone }
        return unbalanced(Graphemes.characterValues(text))
    }

    /// The first unpaired bracket among characters given by their scalar value.
    private static func unbalanced(_ characters: [UInt32]) -> (Character, Int)? {
        var matcher = Matcher()
        for (i, v) in characters.enumerated() {
            if let found = matcher.feed(v, at: i) { return found }
        }
        return matcher.firstOpen
    }

    /// Brackets paired as the characters come, the open ones on a stack.
    private struct Matcher {
        private var stack: [(UInt32, Int)] = []

        /// The closing bracket `v` at `i` when it has no partner.
        mutating func feed(_ v: UInt32, at i: Int) -> (Character, Int)? {
            if isOpener(v) {
                stack.append((v, i))
            } else if let opener = opener(ofCloser: v) {
                guard stack.last?.0 == opener else { return (Self.character(v), i) }
                stack.removeLast()
            }
            return nil
        }

        /// The first bracket left open.
        var firstOpen: (Character, Int)? { stack.first.map { (Self.character($0.0), $0.1) } }

        private static func character(_ v: UInt32) -> Character { Character(Unicode.Scalar(v) ?? "?") }
    }
}
