import Foundation

extension NSRegularExpression {
    /// Compiles a pattern written in the source; a bad pattern is a programming error.
    static func compiled(_ pattern: String, options: NSRegularExpression.Options = []) -> NSRegularExpression {
        do { return try NSRegularExpression(pattern: pattern, options: options) } catch {
            preconditionFailure("invalid built-in pattern \(pattern): \(error)")
        }
    }

    /// Whether the pattern matches anywhere in `text`.
    func occurs(in text: some StringProtocol) -> Bool {
        let s = String(text)
        return firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    /// Every match in `text`, as `String` ranges by group name.
    func scan(_ text: String) -> [RegexHit] {
        matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { result in
            guard let whole = Range(result.range, in: text) else { return nil }
            return RegexHit(text: text, result: result, range: whole)
        }
    }
}

/// One regular-expression match over a `String`, with named groups as `String` ranges.
struct RegexHit {
    let text: String
    let result: NSTextCheckingResult
    let range: Range<String.Index>

    func range(_ name: String) -> Range<String.Index>? {
        let r = result.range(withName: name)
        guard r.location != NSNotFound else { return nil }
        return Range(r, in: text)
    }

    func group(_ name: String) -> Substring? { range(name).map { text[$0] } }

    /// Numbered capture group `index` (1-based), or nil when it took no part in the match.
    func group(_ index: Int) -> Substring? {
        guard index < result.numberOfRanges, let r = Range(result.range(at: index), in: text) else { return nil }
        return text[r]
    }
}

/// A match kept as UTF-8 offsets (group 0 the whole match; nil for a group that took no part),
/// so that a ``TextMemo`` can hold it and it reads back over any equal text.
struct OffsetMatch: Sendable {
    let groups: [Range<Int>?]
}

/// An ``OffsetMatch`` over its text: the part of ``RegexHit``'s API the rules that remember
/// matches use (whole range, numbered groups).
struct TextMatch {
    let text: String
    let match: OffsetMatch

    var range: Range<String.Index> { text.range(utf8Offsets: match.groups[0]!) }

    /// Numbered capture group `index` (1-based), or nil when it took no part in the match.
    func group(_ index: Int) -> Substring? {
        guard index < match.groups.count, let offsets = match.groups[index] else { return nil }
        return text[text.range(utf8Offsets: offsets)]
    }
}

extension NSRegularExpression {
    /// Every match in `text`, remembered in `memo` (this expression's own) by text.
    func matches(in text: String, memo: TextMemo<[OffsetMatch]>) -> [TextMatch] {
        memo.value(for: text) {
            scan(text).map { hit in
                OffsetMatch(groups: (0..<hit.result.numberOfRanges).map { i in
                    i == 0 ? text.utf8Offsets(of: hit.range) : Range(hit.result.range(at: i), in: text).map { text.utf8Offsets(of: $0) }
                })
            }
        }.map { TextMatch(text: text, match: $0) }
    }
}
