import L10nCore

/// Two spaces in a row that the source does not have.
public struct DoubledSpaceCheck: QACheck {
    public static let description = CheckDescription(
        id: "whitespace.doubled", name: "Doubled spaces",
        summary: "The target has two or more spaces in a row where the source has none.",
        rationale: "A doubled space is a typing slip; HTML hides it, Markdown and plain text do not. Sources that use them (aligned columns) are left alone.",
        defaultSeverity: .info,
        passing: [
            CheckExample("Fast and quiet.", "Schnell und leise."),
            CheckExample("A  B", "A  B"),
        ],
        failing: [
            CheckExample("Fast and quiet.", "Schnell⟦  und leise."),
        ])

    public init() {}

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        guard !Self.hasDoubledSpace(pair.readableSource) else { return [] }
        let target = pair.readableTarget
        guard Self.hasDoubledSpace(target) else { return [] }
        let t = Graphemes.characters(target)
        var issues: [QAIssue] = []
        var i = 1
        while i < t.count {
            if t[i] == " ", t[i - 1] == " ", i - 1 > 0, !(t[..<(i - 1)].allSatisfy(\.isWhitespace)) {
                var end = i
                while end < t.count, t[end] == " " { end += 1 }
                if end < t.count { issues.append(QAIssue("doubled space", at: i - 1)) }  // trailing runs are whitespace.edges' business
                i = end
            } else {
                i += 1
            }
        }
        return issues
    }

    /// Two U+0020 in a row (a space is never part of a larger character, except before a
    /// combining mark, where the characters loop above decides).
    static func hasDoubledSpace(_ text: String) -> Bool {
        var text = text
        // Over the bytes in place: `text.utf8`'s iterator costs several times the comparison.
        return text.withUTF8 { bytes in
            var last: UInt8 = 0
            for b in bytes {
                if b == 0x20, last == 0x20 { return true }
                last = b
            }
            return false
        }
    }
}
