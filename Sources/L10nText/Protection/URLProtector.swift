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
        // Most text has no URL; the regular expression only runs where one may start.
        var text = text
        guard text.withUTF8(Self.mayContainURL) else { return [] }
        return Self.regexSpans(in: text)
    }

    public func protectedSpans(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [ProtectedByteSpan] {
        guard Self.mayContainURL(text) else { return [] }
        return ProtectedByteSpan.spans(of: self, in: String(decoding: text, as: UTF8.self))
    }

    /// The spans the regular expression finds, without the prefilter (the tests compare both).
    static func regexSpans(in text: String) -> [ProtectedSpan] {
        Self.matcher.ranges(in: text).compactMap { range in
            let trimmed = Self.trim(text, range)
            guard !trimmed.isEmpty else { return nil }
            return ProtectedSpan(range: trimmed, subType: Self.subType)
        }
    }

    /// Whether `p` has what every form above needs: `://`, `www.` (any case), or a slash right
    /// after `<letter or digit>.<letters>` (a domain with a path). Byte scans, no Foundation.
    static func mayContainURL(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        var i = 0
        while i < n {
            let b = p[i]
            if b == UInt8(ascii: "/") {
                if i >= 1, i + 1 < n, p[i - 1] == UInt8(ascii: ":"), p[i + 1] == UInt8(ascii: "/") { return true }
                // A domain ending in a top-level label of letters: "example.com/". (Non-ASCII
                // bytes count as letters: case-insensitive matching folds a few, like U+017F.)
                var j = i - 1
                while j >= 0, p[j] >= 0x80 || ((p[j] | 0x20) >= UInt8(ascii: "a") && (p[j] | 0x20) <= UInt8(ascii: "z")) { j -= 1 }
                if i - 1 - j >= 2, j >= 1, p[j] == UInt8(ascii: "."), p[j - 1] >= 0x80 || isASCIIAlnum(p[j - 1]) { return true }
            } else if b | 0x20 == UInt8(ascii: "w"), i + 3 < n, p[i + 1] | 0x20 == UInt8(ascii: "w"),
                      p[i + 2] | 0x20 == UInt8(ascii: "w"), p[i + 3] == UInt8(ascii: ".") {
                return true
            }
            i += 1
        }
        return false
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
