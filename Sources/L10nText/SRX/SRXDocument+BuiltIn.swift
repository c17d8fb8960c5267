import Foundation
import L10nCore

extension SRXDocument {
    /// The rules that ship with l10n (`Resources/segmentation.srx`): abbreviation exceptions and
    /// extra breaks for en, pt, es, de, fr, it, ja, zh, plus language-independent rules, written
    /// to complement ICU's sentence breaks (see ``SentenceSegmenter``). Parsed once.
    public static func builtIn() throws -> SRXDocument {
        try builtInResult.get()
    }

    private static let builtInResult: Result<SRXDocument, FormatError> = {
        guard let url = Bundle.module.url(forResource: "segmentation", withExtension: "srx", subdirectory: "Resources") else {
            return .failure(FormatError(.malformed, "the built-in segmentation.srx is missing from the L10nText bundle"))
        }
        do {
            // Validated by the tests (SRXDocumentTests): not every language's rules need compiling
            // at every start.
            return .success(try SRXDocument(data: Data(contentsOf: url), source: url.path, validating: false))
        } catch let error as FormatError {
            return .failure(error)
        } catch {
            return .failure(FormatError(.malformed, "built-in segmentation.srx: \(error)"))
        }
    }()
}
