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
            let n = bytes.count
            guard let base = bytes.baseAddress else { return false }
            // Eight bytes at a time: a flag (bit 7) on each byte that is U+0020, exact per byte
            // (no carry crosses a byte), then two flagged neighbours, also across words.
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, spaces: UInt64 = 0x2020_2020_2020_2020
            var carry: UInt64 = 0  // the last byte of the word before was a space
            var i = 0
            while i + 8 <= n {
                let y = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self).littleEndian ^ spaces
                let flags = ~(((y & low7) &+ low7) | y) & ~low7
                if flags & (flags >> 8 | carry) != 0 { return true }
                carry = flags >> 56
                i += 8
            }
            var last: UInt8 = carry != 0 ? 0x20 : 0
            while i < n {
                let b = bytes[i]
                if b == 0x20, last == 0x20 { return true }
                last = b
                i += 1
            }
            return false
        }
    }
}
