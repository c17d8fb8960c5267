import Foundation
import L10nCore
import L10nFormats

/// Writes a document back in its own format from its skeleton and targets, picking the
/// escaping of the format the skeleton names.
///
/// A translated HTML page declares its new language: `<html lang>` becomes the target language
/// (as Okapi's HTML filter rewrites it), so browsers, screen readers and search engines read the
/// page as what it now is — an en-GB page adapted from an en-US one included. A document none of
/// whose targets differs from its source (nothing translated, or a CAT tool's copies of the
/// source) keeps every byte: the round trip.
public struct DocumentMerger: Sendable {
    public var formats: FormatRegistry

    public init(formats: FormatRegistry) {
        self.formats = formats
    }

    public func merge(_ document: Document) throws -> Data {
        guard let filter = formats.filter(forFormat: document.format) else {
            throw FormatError(.unsupported, "the XLIFF's skeleton is for format '\(document.format)', which this l10n cannot write",
                              at: SourceLocation(file: document.original))
        }
        let merged = try SkeletonMerger(escaper: filter.escaper).merge(document)
        guard document.format == HTMLFilter.formatID, let language = document.targetLanguage, !language.isEmpty,
              Self.hasTranslation(document.units) else { return merged }
        return Data(HTMLPageLanguage.declaring(language, in: String(decoding: merged, as: UTF8.self)).utf8)
    }

    /// Whether a segment of `units` is translated. The units are read in place: each one passed
    /// to a closure was copied (every string and array in it retained, then released).
    private static func hasTranslation(_ units: [TextUnit]) -> Bool {
        units.withUnsafeBufferPointer { units in units.indices.contains { units[$0].segments.contains(where: isTranslated) } }
    }

    /// A target other than a copy of the source — or the adapted source itself, made the
    /// localized text for a market in the source's language (en-US → en-GB).
    private static func isTranslated(_ segment: Segment) -> Bool {
        guard let target = segment.target else { return false }
        return target != segment.source || segment.provenance?.origin == .source
    }
}
