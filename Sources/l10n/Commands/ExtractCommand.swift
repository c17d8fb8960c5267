import ArgumentParser
import Foundation
import L10nPipeline

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the translatable text of Markdown/HTML files into XLIFF for translators.",
        discussion: """
            Each input becomes <stem>.<target-language>.xlf beside it (or in the folder given with -o). With -o FILE.xlf, all inputs go into that one XLIFF, one <file> each. The XLIFF carries the original document (its skeleton), so `l10n merge` needs nothing else. If any input is bad, nothing is written. Files are extracted one at a time per job and written as they are done, so memory follows the largest file, not the whole batch; the output does not depend on --jobs. With --tm (or $L10N_TM), segments the translation memory holds (exact 100, in-context 101) get its target, state translated; fuzzy matches (75–99) are offered to the translator beside their segment with the memory's source: XLIFF 2 in the Translation Candidates module (<mtc:matches>), 1.2 as <alt-trans>. With --glossary, terms found in each unit's source go with it: XLIFF 2 in the Glossary module (<gls:glossary>), 1.2 as <note from="l10n:glossary">, each with its translation and status (forbidden, do not translate).
            """)

    @Argument(help: ArgumentHelp("Markdown (.md) or HTML (.html) files.", valueName: "file"))
    var files: [String]

    @Option(name: [.customShort("t"), .long], help: ArgumentHelp("The language to translate into (BCP 47, e.g. pt-BR).", valueName: "tag"))
    var targetLanguage: LanguageTag

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("The language of the input files.", valueName: "tag"))
    var sourceLanguage: LanguageTag = LanguageTag("en-US")!

    @Option(name: .shortAndLong, help: ArgumentHelp("An output folder, or one .xlf/.xliff file for all inputs.", valueName: "path"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("XLIFF version to write (1.2 for older CAT tools).", valueName: "version"))
    var xliffVersion: XLIFFVersion = .v2_1

    @Flag(name: .long, help: "Give every segment a copy of its source as target, marked not translated yet (initial; 1.2: needs-translation): for CAT tools such as OmegaT that only translate existing targets. Untouched copies merge as untranslated.")
    var prefillTargets = false

    @OptionGroup var segmentation: SegmentationOptions

    @OptionGroup var parallelism: JobsOption

    @OptionGroup var memory: MemoryOption

    @OptionGroup var glossary: GlossaryOption

    /// What one input gives: its counts, and its XLIFF (or its `<file>` element, for one output file).
    private struct Extracted: Sendable {
        var units: Int
        var segments: Int
        /// Targets the memory filled (--tm).
        var leveraged: Int
        var xliff: [UInt8]
    }

    func run() async throws {
        let localizer = try segmentation.localizer(glossary: try glossary.termbase(sourceLanguage: sourceLanguage))
        let store = try await memory.openIfGiven()
        let writer = XLIFFWriter(version: xliffVersion)
        let singleOutput = output.flatMap { OutputNaming.isDirectoryLike($0, fileExtensions: ["xlf", "xliff"]) ? nil : $0 }
        let stream = XLIFFWriter.Stream(version: xliffVersion, sourceLanguage: sourceLanguage.rawValue, targetLanguage: targetLanguage.rawValue)
        let (sourceLanguage, targetLanguage, prefillTargets) = (self.sourceLanguage, self.targetLanguage, self.prefillTargets)

        let batch = OutputBatch()
        var singleFile: StagedFile?
        var failures: [ExitCode] = []
        // The first output that could not be staged; reported only when every input was good
        // (a bad input makes the run write nothing anyway).
        var writeError: (any Error)?
        var units = 0, segments = 0, written = 0, leveraged = 0

        let inputs = Array(files.enumerated())
        try await OrderedWork.run(inputs, jobs: parallelism.jobs, cost: { InputFile.size($0.element) }, weight: { (try? $0.get().xliff.count) ?? 0 }) { (index, file) -> Result<Extracted, any Error> in
            do {
                let source = SourceDocument(bytes: try InputFile.read(file), name: file, language: sourceLanguage)
                var document: Document
                var leveraged = 0
                if let store {
                    let extracted = try await localizer.extract(source, targetLanguage: targetLanguage, memory: store)
                    (document, leveraged) = (extracted.document, extracted.leverage.filled)
                } else {
                    document = try localizer.extract(source, targetLanguage: targetLanguage)
                }
                if prefillTargets { document = document.prefillingTargets() }
                let xliff = singleOutput == nil ? try writer.bytes([document]) : try stream.file(document, number: index + 1)
                return .success(Extracted(units: document.units.count, segments: document.segmentCount, leveraged: leveraged, xliff: xliff))
            } catch {
                return .failure(error)
            }
        } deliver: { index, result in
            switch result {
            case .failure(let error):
                failures.append(ExitStatus.report(error))
                batch.discard()
            case .success(let extracted):
                units += extracted.units
                segments += extracted.segments
                leveraged += extracted.leveraged
                written += 1
                guard failures.isEmpty, writeError == nil else { return }
                do {
                    if let singleOutput {
                        if singleFile == nil {
                            singleFile = try batch.open(singleOutput)
                            try singleFile?.write(stream.header)
                        }
                        try singleFile?.write(extracted.xliff)
                    } else {
                        let input = files[index]
                        let name = OutputNaming.localizedFileName(for: input, language: targetLanguage.rawValue, extension: "xlf")
                        try batch.stage(extracted.xliff, to: OutputNaming.path(name, besides: input, in: output))
                    }
                } catch {
                    writeError = error
                    batch.discard()
                }
            }
        }
        if let worst = ExitStatus.worst(failures) {
            batch.discard()
            Console.note("nothing written: \(failures.count) of \(files.count) input(s) failed")
            throw worst
        }
        do {
            if let writeError { throw writeError }
            if singleOutput != nil {
                guard let singleFile else {
                    throw FormatError(.unsupported, "nothing to write: an XLIFF file needs at least one document")
                }
                try singleFile.write(stream.footer)
                try singleFile.close()
            }
            try batch.commit()
        } catch {
            batch.discard()
            throw ExitStatus.report(error)
        }
        for path in batch.destinations { Console.out("wrote \(path)") }
        Console.note("\(written) file(s), \(units) unit(s), \(segments) segment(s) to translate into \(targetLanguage)")
        if let store { Console.note("translation memory \(store.location): \(leveraged) of \(segments) segment(s) filled (exact or in-context)") }
    }
}

extension XLIFFVersion: ExpressibleByArgument {
    public static var allValueStrings: [String] { ["2.1", "2.0", "2.2", "1.2"] }
}
