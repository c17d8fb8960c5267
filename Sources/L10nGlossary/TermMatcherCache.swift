import Foundation
import L10nCore

/// Matchers built once per language pair and side, shared by the copies of a stage or check:
/// building one cuts every term of the termbase into ICU words, which a QA check asking per
/// segment must not redo thousands of times.
public final class TermMatcherCache: @unchecked Sendable {
    // @unchecked: `matchers` is only touched while holding `lock`; TermMatcher is Sendable.
    private let lock = NSLock()
    private var matchers: [Key: TermMatcher] = [:]
    public let termbase: Termbase

    private struct Key: Hashable {
        var source: LanguageTag
        var target: LanguageTag?
        var side: TermMatcher.Side
    }

    public init(_ termbase: Termbase) {
        self.termbase = termbase
    }

    public func matcher(sourceLanguage: LanguageTag, targetLanguage: LanguageTag?, side: TermMatcher.Side = .source) -> TermMatcher {
        let key = Key(source: sourceLanguage, target: targetLanguage, side: side)
        lock.lock()
        defer { lock.unlock() }
        if let matcher = matchers[key] { return matcher }
        let matcher = TermMatcher(termbase, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, side: side)
        matchers[key] = matcher
        return matcher
    }
}
