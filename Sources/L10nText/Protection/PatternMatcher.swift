import Foundation
import L10nCore

/// Shared machinery for protectors that find candidates with a regular expression and then
/// keep or trim each one.
struct PatternMatcher: @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable once built and documented as safe to use from
    // several threads at once.
    private let regex: NSRegularExpression

    init(_ pattern: String, options: NSRegularExpression.Options = []) {
        do {
            regex = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            // The patterns are literals in this module, covered by tests.
            preconditionFailure("invalid built-in protector pattern \(pattern): \(error)")
        }
    }

    /// Every match in `text`, as string ranges.
    func ranges(in text: String) -> [Range<String.Index>] {
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.matches(in: text, range: whole).compactMap { Range($0.range, in: text) }
    }
}
