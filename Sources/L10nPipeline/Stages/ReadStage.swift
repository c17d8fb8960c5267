import Foundation
import L10nCore

/// Bytes → units: checks the encoding (invalid UTF-8, binary, UTF-16 and empty input are
/// refused with file and line), picks the filter by format id or file extension, and lets it
/// find the translatable units.
public struct ReadStage: PipelineStage {
    public var formats: FormatRegistry
    public var name: StageName { .read }

    public init(formats: FormatRegistry) {
        self.formats = formats
    }

    public func run(_ job: inout LocalizationJob) async throws {
        let (filter, drafts) = try read(job.source)
        job.format = type(of: filter).formatID
        job.drafts = drafts
    }

    /// The filter for `source` and the units it found (pure, synchronous).
    public func read(_ source: SourceDocument) throws -> (any DocumentFilter, [UnitDraft]) {
        let filter = try self.filter(for: source)
        do {
            let text = try TextInput.decodeUTF8(source.bytes, file: source.name)
            return (filter, try filter.read(source.bytes, text: text, file: source.name))
        } catch let error as FormatError {
            throw error.inFile(source.name)
        }
    }

    /// The filter named by `source.format`, else the one claiming its file extension.
    public func filter(for source: SourceDocument) throws -> any DocumentFilter {
        if let id = source.format {
            guard let filter = formats.filter(forFormat: id) else {
                throw PipelineError(.unsupportedInput, "format '\(id)' is not one l10n reads; it reads \(formats.formatIDs.joined(separator: ", "))", file: source.name)
            }
            return filter
        }
        let ext = URL(fileURLWithPath: source.name).pathExtension
        guard let filter = formats.filter(forExtension: ext) else {
            let known = formats.supportedExtensions.map { "." + $0 }.joined(separator: ", ")
            throw PipelineError(.unsupportedInput, ext.isEmpty
                ? "has no file extension; l10n reads \(known)"
                : "'.\(ext)' files are not supported; l10n reads \(known)", file: source.name)
        }
        return filter
    }
}
