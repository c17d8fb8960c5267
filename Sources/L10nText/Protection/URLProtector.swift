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
        options: [.caseInsensitive])

    public init() {}

    public func protectedSpans(in text: String) -> [ProtectedSpan] {
        // Every URL form above has a slash or "www."; most text has neither, so skip the regex.
        guard text.utf8.contains(UInt8(ascii: "/")) || text.localizedCaseInsensitiveContains("www.") else { return [] }
        return Self.matcher.ranges(in: text).compactMap { range in
            let trimmed = Self.trim(text, range)
            guard !trimmed.isEmpty else { return nil }
            return ProtectedSpan(range: trimmed, subType: Self.subType)
        }
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
