import Foundation

/// A regular expression compiled once and shared by rules (ICU syntax, via Foundation).
///
/// `NSRegularExpression` is immutable once created and documented as safe to use from several
/// threads at once, which is why this wrapper can be `@unchecked Sendable`.
struct TextPattern: @unchecked Sendable {
    private let regex: NSRegularExpression

    /// `pattern` is a literal in the rule's source, so a syntax error is a programming error
    /// that the rule's own examples catch the first time they run.
    init(_ pattern: String, caseInsensitive: Bool = false) {
        do {
            regex = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            preconditionFailure("invalid pattern \(pattern): \(error)")
        }
    }

    /// One match: its range and its capture groups (nil when a group took no part).
    struct Match {
        var range: Range<String.Index>
        var groups: [Range<String.Index>?]

        /// Capture group `i` (1-based, as in the pattern) as text, or nil.
        func group(_ i: Int, in text: String) -> Substring? {
            guard i >= 1, i <= groups.count, let r = groups[i - 1] else { return nil }
            return text[r]
        }
    }

    func matches(in text: String) -> [Match] {
        let whole = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: whole).compactMap { result in
            guard let range = Range(result.range, in: text) else { return nil }
            let groups = (1..<result.numberOfRanges).map { Range(result.range(at: $0), in: text) }
            return Match(range: range, groups: groups)
        }
    }

    /// Whether the pattern matches anywhere in `text`.
    func occurs(in text: some StringProtocol) -> Bool {
        let s = String(text)
        return regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}
