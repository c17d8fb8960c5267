import Foundation
import L10nCore

/// Shared machinery for protectors that find candidates with a regular expression and then
/// keep or trim each one.
///
/// ICU's matcher driven directly (``ICURegex``) on one UTF-16 buffer per text: the same engine
/// as `NSRegularExpression`, without Foundation's bridging, which cost about 240,000
/// instructions per call on a product sentence. The compiled pattern is a template; each caller
/// borrows a clone of its own (``ResourcePool``), so protectors stay safe to share.
struct PatternMatcher: Sendable {
    /// A compiled pattern that is only ever cloned, never matched with.
    private final class Template: @unchecked Sendable {
        // @unchecked: `regex` is never given a text; ICU clones a pattern safely from any thread.
        let regex: ICURegex
        init(_ regex: ICURegex) { self.regex = regex }
    }

    private let pool: ResourcePool<ICURegex>

    init(_ pattern: String, caseInsensitive: Bool = false) {
        let template: Template
        do {
            template = Template(try ICURegex(pattern: pattern, caseInsensitive: caseInsensitive))
        } catch {
            // The patterns are literals in this module, covered by tests.
            preconditionFailure("invalid built-in protector pattern \(pattern): \(error)")
        }
        pool = ResourcePool { template.regex.clone() }
    }

    /// Every match in `text`, left to right, not overlapping, as string ranges.
    func ranges(in text: String) -> [Range<String.Index>] {
        let units = Array(text.utf16)
        guard !units.isEmpty else { return [] }
        let found = units.withUnsafeBufferPointer { buffer in
            pool.withResource { regex -> [Range<Int>] in
                regex.setText(buffer)
                defer { regex.clearText() }
                return regex.allMatches(from: 0, to: buffer.count)
            }
        } ?? []
        return found.compactMap { r in
            let utf16 = text.utf16
            guard let start = utf16.index(utf16.startIndex, offsetBy: r.lowerBound, limitedBy: utf16.endIndex),
                  let end = utf16.index(start, offsetBy: r.count, limitedBy: utf16.endIndex) else { return nil }
            // A match edge inside a surrogate pair is not a string position (ICU never makes one).
            return Range(uncheckedBounds: (start, end))
        }
    }
}
