import Foundation
import L10nCore

extension SentenceSegmenter {
    /// A segmenter with the built-in rules for `language` (`en`, `pt-BR`, `de`, `ja`…).
    ///
    /// Cached per language, so calling this for every document costs nothing after the first.
    /// The built-in rules are compiled and tested with the package; if they ever failed to load
    /// (a packaging defect, not a user error) this falls back to ICU alone rather than stop.
    public static func builtIn(language: String) -> SentenceSegmenter {
        BuiltInCache.shared.segmenter(for: language)
    }
}

/// Built-in segmenters by language tag.
private final class BuiltInCache: @unchecked Sendable {
    // @unchecked: `segmenters` is only touched while holding `lock`.
    static let shared = BuiltInCache()
    private let lock = NSLock()
    private var segmenters: [String: SentenceSegmenter] = [:]

    func segmenter(for language: String) -> SentenceSegmenter {
        lock.lock()
        defer { lock.unlock() }
        if let cached = segmenters[language] { return cached }
        let made: SentenceSegmenter
        do {
            made = try SentenceSegmenter(language: language, documents: [try SRXDocument.builtIn()])
        } catch {
            assertionFailure("built-in segmentation rules failed to load: \(error)")
            // Unreachable in a tested build; ICU alone is the safe degradation.
            made = SentenceSegmenter(language: language, rules: [], options: SentenceSegmenter.Options())
        }
        segmenters[language] = made
        return made
    }
}
