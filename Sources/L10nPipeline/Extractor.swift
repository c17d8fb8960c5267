import Foundation
import L10nCore

/// Reads a source document into a ``Document``: checks the bytes, picks the filter by extension,
/// finds units, protects non-translatables and segments. Pure apart from reading the file.
public struct Extractor: Sendable {
    public var formats: FormatRegistry
    public var segmentation: Segmentation
    public var protectors: [any SpanProtecting]

    public init(formats: FormatRegistry, segmentation: Segmentation, protectors: [any SpanProtecting]) {
        self.formats = formats
        self.segmentation = segmentation
        self.protectors = protectors
    }

    /// The filter for `path`, by its extension.
    public func filter(for path: String) throws -> any DocumentFilter {
        let ext = URL(fileURLWithPath: path).pathExtension
        guard let filter = formats.filter(forExtension: ext) else {
            let known = formats.supportedExtensions.map { "." + $0 }.joined(separator: ", ")
            throw PipelineError(.unsupportedInput, ext.isEmpty
                ? "has no file extension; l10n reads \(known)"
                : "'.\(ext)' files are not supported; l10n reads \(known)", file: path)
        }
        return filter
    }

    /// Reads and extracts the file at `path`.
    public func extract(path: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag?) throws -> Document {
        let bytes = try InputFile.read(path)  // first: a missing file or a folder says so, whatever its name
        let filter = try filter(for: path)
        return try extract(bytes: bytes, original: path, filter: filter, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    /// Extracts `bytes`, naming them `original` in messages and in the XLIFF.
    public func extract(bytes: Data, original: String, filter: any DocumentFilter, sourceLanguage: LanguageTag, targetLanguage: LanguageTag?) throws -> Document {
        do {
            let text = try TextInput.decodeUTF8(bytes, file: original)
            let drafts = try filter.read(bytes, text: text, file: original)
            let builder = DocumentBuilder(breaker: try segmentation.breakerFor(sourceLanguage), protectors: protectors)
            return try builder.build(
                original: original, format: type(of: filter).formatID, bytes: bytes,
                sourceLanguage: sourceLanguage.rawValue, targetLanguage: targetLanguage?.rawValue, drafts: drafts)
        } catch let error as FormatError {
            throw error.inFile(original)
        }
    }
}
