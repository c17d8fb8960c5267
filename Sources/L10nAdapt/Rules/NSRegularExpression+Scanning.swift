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
