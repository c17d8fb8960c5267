import Foundation
import L10nCore
import L10nText

/// How units are split into sentences: a factory that gives the breaker for a source language,
/// or none at all (one segment per unit).
public struct Segmentation: Sendable {
    public var breakerFor: @Sendable (LanguageTag) throws -> (any SentenceBreaking)?

    public init(breakerFor: @escaping @Sendable (LanguageTag) throws -> (any SentenceBreaking)?) {
        self.breakerFor = breakerFor
    }

    /// One segment per unit (paragraph-level).
    public static let none = Segmentation { _ in nil }

    /// ICU sentence boundaries with the built-in SRX rules, plus `userRules` (whose rules come
    /// first) when given. Line breaks inside a paragraph count as spaces: both Markdown and HTML
    /// wrap paragraphs freely. Each language's rules are compiled once, on first use.
    public static func icu(userRules: SRXDocument? = nil) -> Segmentation {
        let cache = SegmenterCache(userRules: userRules, options: SentenceSegmenter.Options(usesICUBoundaries: true, singleLineBreaksAreSpaces: true))
        return Segmentation { language in try cache.segmenter(for: language) }
    }
}

/// Which sentence rules a ``Localizer`` uses: given as data, so an embedding program needs no
/// files.
public enum SegmentationRules: Sendable {
    /// One segment per paragraph, heading, cell…
    case none
    /// ICU plus the built-in SRX rules.
    case builtIn
    /// ICU plus these SRX rules before the built-in ones.
    case srx(SRXDocument)

    /// SRX 2.0 rules from bytes (`name` is used in error messages).
    public static func srx(data: Data, name: String) throws -> SegmentationRules {
        do { return .srx(try SRXDocument(data: data, source: name)) } catch let error as FormatError { throw error.inFile(name) }
    }

    var segmentation: Segmentation {
        switch self {
        case .none: return .none
        case .builtIn: return .icu()
        case .srx(let rules): return .icu(userRules: rules)
        }
    }
}

/// Compiled segmenters by language, so a batch of files compiles each language's rules once.
private final class SegmenterCache: @unchecked Sendable {
    // @unchecked: `segmenters` is only touched while holding `lock`.
    private let lock = NSLock()
    private var segmenters: [LanguageTag: SentenceSegmenter] = [:]
    private let userRules: SRXDocument?
    private let options: SentenceSegmenter.Options

    init(userRules: SRXDocument?, options: SentenceSegmenter.Options) {
        self.userRules = userRules
        self.options = options
    }

    func segmenter(for language: LanguageTag) throws -> SentenceSegmenter {
        lock.lock()
        defer { lock.unlock() }
        if let cached = segmenters[language] { return cached }
        let made = try SentenceSegmenter(language: language.rawValue, userRules: userRules, options: options)
        segmenters[language] = made
        return made
    }
}
