import L10nCore

/// Protects web addresses (subtype `l10n:url`): `http://` and `https://` URLs, `www.` hosts, and
/// bare domains with a path (`example.com/support`), which translators must copy unchanged.
///
/// Sentence punctuation after a URL is not part of it: trailing `.,;:!?` and closing quotes are
/// trimmed, and a closing bracket is kept only when the URL opened one, so
/// "(see https://example.com/a_(b))." protects `https://example.com/a_(b)`.
public struct URLProtector: SpanProtecting {
    public static let subType = "l10n:url"

    private static let matcher = PatternMatcher(
        #"(?:(?<![A-Za-z0-9+.\-])(?:https?|ftp)://|(?<![A-Za-z0-9.\-])www\.)[^\s<>"'`\u3000-\u303F\uFF01-\uFF0F]+"#
        + #"|(?<![@\w.\-/])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:com|org|net|edu|gov|io|co|info|biz|de|fr|es|it|pt|br|uk|jp|cn|eu|us|ca|au|nl|ch|at|be|mx|ar|ru|pl|se|no|dk|fi|in|kr|tw|hk|app|dev|shop|store)/[^\s<>"'`]*"#,
        caseInsensitive: true)

    public init() {}

    public func protectedSpans(in text: String) -> [ProtectedSpan] {
        var text = text
        let spans = text.withUTF8(Self.byteSpans)
        guard !spans.isEmpty else { return [] }
        let utf8 = text.utf8
        return spans.map { span in
            let lower = utf8.index(utf8.startIndex, offsetBy: span.lowerBound)
            return ProtectedSpan(range: lower..<utf8.index(lower, offsetBy: span.count), subType: Self.subType)
        }
    }

    public func protectedSpans(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [ProtectedByteSpan] {
        Self.byteSpans(text).map { ProtectedByteSpan(range: $0, subType: Self.subType) }
    }

    /// The URLs of `p` as byte ranges. Most text has no URL, and the expression's bare-domain
    /// alternative is tried at every position of what it is given (≈ 280 k instructions for a
    /// paragraph): it only runs on the stretches between ASCII whitespace that hold a place
    /// where a URL may be (``isCandidate(_:at:)``). That finds the same URLs as running it on
    /// the whole text: no match holds whitespace, every match holds a candidate place, and
    /// whitespace before a stretch satisfies the lookbehinds as the start of a text does.
    static func byteSpans(_ p: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        let n = p.count
        while i < n {
            // Eight bytes at a time past text with no `/`, `w` or `W` (the only bytes a candidate
            // place starts at): a byte-by-byte test cost ≈ 7 instructions a byte of every text.
            while i + 8 <= n, !Self.mayHoldCandidate(UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            guard i < n else { break }
            guard isCandidate(p, at: i) else { i += 1; continue }
            var start = i, end = i
            while start > 0, !isASCIIWhitespace(p[start - 1]) { start -= 1 }
            while end < n, !isASCIIWhitespace(p[end]) { end += 1 }
            let stretch = String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
            for span in ProtectedByteSpan.spans(of: Expression(), in: stretch) {
                out.append(start + span.range.lowerBound..<start + span.range.upperBound)
            }
            i = end
        }
        return out
    }

    /// The expression alone, on all of a text (the reference the tests compare with).
    private struct Expression: SpanProtecting {
        func protectedSpans(in text: String) -> [ProtectedSpan] { URLProtector.regexSpans(in: text) }
    }

    /// The spans the regular expression finds, without the prefilter (the tests compare both).
    static func regexSpans(in text: String) -> [ProtectedSpan] {
        Self.matcher.ranges(in: text).compactMap { range in
            let trimmed = Self.trim(text, range)
            guard !trimmed.isEmpty else { return nil }
            return ProtectedSpan(range: trimmed, subType: Self.subType)
        }
    }

    /// Whether a URL may hold byte `i`: a `://`, a `www.` (any case) or a slash right after
    /// `<letter or digit>.<letters>` (a domain with a path) is there. Every match of the
    /// expression holds such a place. Byte tests, no Foundation.
    @inline(__always) static func isCandidate(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let n = p.count
        let b = p[i]
        if b == UInt8(ascii: "/") {
            if i >= 1, i + 1 < n, p[i - 1] == UInt8(ascii: ":"), p[i + 1] == UInt8(ascii: "/") { return true }
            // A domain ending in a top-level label of letters: "example.com/". (Non-ASCII
            // bytes count as letters: case-insensitive matching folds a few, like U+017F.)
            var j = i - 1
            while j >= 0, p[j] >= 0x80 || ((p[j] | 0x20) >= UInt8(ascii: "a") && (p[j] | 0x20) <= UInt8(ascii: "z")) { j -= 1 }
            return i - 1 - j >= 2 && j >= 1 && p[j] == UInt8(ascii: ".") && (p[j - 1] >= 0x80 || isASCIIAlnum(p[j - 1]))
        }
        return b | 0x20 == UInt8(ascii: "w") && i + 3 < n && p[i + 1] | 0x20 == UInt8(ascii: "w")
            && p[i + 2] | 0x20 == UInt8(ascii: "w") && p[i + 3] == UInt8(ascii: ".")
    }

    /// Whether any of the eight bytes of `word` is `/`, `w` or `W` (exact: a byte is zero after
    /// the XOR only where it equals the byte looked for).
    @inline(__always) static func mayHoldCandidate(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        return hasZeroByte(word ^ (ones &* 0x2F)) || hasZeroByte((word | (ones &* 0x20)) ^ (ones &* 0x77))
    }

    /// Space, tab, line feed, carriage return: whitespace to ICU's `\s` by any definition (it
    /// matches more, which only makes a stretch longer than it need be).
    @inline(__always) private static func isASCIIWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    private static func isASCIIAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    /// `range` without trailing sentence punctuation and unbalanced closing brackets.
    static func trim(_ text: String, _ range: Range<String.Index>) -> Range<String.Index> {
        var end = range.upperBound
        while end > range.lowerBound {
            let last = text[text.index(before: end)]
            let body = text[range.lowerBound..<text.index(before: end)]
            let drop: Bool
            switch last {
            case ".", ",", ";", ":", "!", "?", "\"", "'", "”", "’", "»", "…": drop = true
            case ")": drop = body.filter { $0 == "(" }.count <= body.filter { $0 == ")" }.count
            case "]": drop = body.filter { $0 == "[" }.count <= body.filter { $0 == "]" }.count
            case "}": drop = body.filter { $0 == "{" }.count <= body.filter { $0 == "}" }.count
            default: drop = false
            }
            guard drop else { break }
            end = text.index(before: end)
        }
        return range.lowerBound..<end
    }
}
