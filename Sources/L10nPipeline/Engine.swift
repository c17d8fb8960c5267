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
        guard let srx else {
            return Segmentation { language in try SentenceSegmenter(language: language.rawValue, userRules: nil, options: options) }
        }
        let rules: SRXDocument
        do {
            rules = try SRXDocument(contentsOf: URL(fileURLWithPath: srx))
        } catch let error as FormatError {
            throw error.inFile(srx)
        }
        return Segmentation { language in try SentenceSegmenter(language: language.rawValue, userRules: rules, options: options) }
    }

    /// An extractor with the built-in formats, segmentation and protectors.
    public static func extractor(srx: String? = nil, segment: Bool = true) throws -> Extractor {
        Extractor(formats: formats, segmentation: try segmentation(srx: srx, enabled: segment), protectors: Protectors.defaultProtectors)
    }
}
