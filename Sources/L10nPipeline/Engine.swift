import Foundation
import L10nCore
import L10nFormats
import L10nText

/// The built-in wiring: which formats exist, how text is segmented and protected. The CLI and
/// programs embedding l10n start here and replace what they need.
public enum Engine {
    /// Markdown and HTML.
    public static let formats = FormatRegistry([MarkdownFilter(), HTMLFilter()])

    /// ICU sentence segmentation with the built-in SRX rules, plus `srx` (a user's SRX 2.0 file,
    /// whose rules come first) when given. Line breaks inside a paragraph count as spaces: both
    /// Markdown and HTML wrap paragraphs freely.
    public static func segmentation(srx: String?, enabled: Bool = true) throws -> Segmentation {
        guard enabled else { return .none }
        let options = SentenceSegmenter.Options(usesICUBoundaries: true, singleLineBreaksAreSpaces: true)
        var rules: SRXDocument?
        if let srx {
            do {
                rules = try SRXDocument(contentsOf: URL(fileURLWithPath: srx))
            } catch let error as FormatError {
                throw error.inFile(srx)
            }
        }
        let cache = SegmenterCache(userRules: rules, options: options)
        return Segmentation { language in try cache.segmenter(for: language) }
    }

    /// An extractor with the built-in formats, segmentation and protectors.
    public static func extractor(srx: String? = nil, segment: Bool = true) throws -> Extractor {
        Extractor(formats: formats, segmentation: try segmentation(srx: srx, enabled: segment), protectors: Protectors.defaultProtectors)
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
