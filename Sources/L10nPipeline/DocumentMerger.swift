import Foundation
import L10nCore

/// Writes a document back in its own format from its skeleton and targets, picking the
/// escaping of the format the skeleton names.
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
        return try SkeletonMerger(escaper: filter.escaper).merge(document)
    }
}
