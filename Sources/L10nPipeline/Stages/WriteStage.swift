import Foundation
import L10nCore
import L10nFormats

/// Writes the outputs asked for: the localized document (targets merged into the skeleton,
/// untranslated segments falling back to their source), the XLIFF for translators, and an HTML
/// fragment for a CMS. Bytes only: where they go is the caller's business.
public struct WriteStage: PipelineStage {
    public var formats: FormatRegistry
    public var options: LocalizationOptions
    public var name: StageName { .write }

    public init(formats: FormatRegistry, options: LocalizationOptions) {
        self.formats = formats
        self.options = options
    }

    public func run(_ job: inout LocalizationJob) async throws {
        let document = try job.requireDocument(for: .write)
        let wanted = options.outputs
        var localized: Data?
        if wanted.contains(.document) || wanted.contains(.htmlFragment) {
            localized = try DocumentMerger(formats: formats).merge(document)
        }
        if wanted.contains(.document) { job.outputs.document = localized }
        if wanted.contains(.xliff) {
            // Prefilled copies go into the XLIFF only: the localized document above keeps the
            // original bytes of what nobody translated.
            let forTranslators = options.prefillTargets ? document.prefillingTargets() : document
            job.outputs.xliff = try XLIFFWriter(version: options.xliffVersion).write([forTranslators])
        }
        if wanted.contains(.htmlFragment), let localized {
            job.outputs.htmlFragment = try HTMLFragment.make(
                from: localized, format: document.format, language: job.targetLanguage, allowRawHTML: options.allowRawHTML, file: job.source.name)
        }
    }
}
