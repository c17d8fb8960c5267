import ArgumentParser
import Foundation
import L10nCore
import L10nFormats
import L10nPipeline

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the translatable text of Markdown/HTML files into XLIFF for translators.",
        discussion: """
            Each input becomes <stem>.<target-language>.xlf beside it (or in the folder given with -o). With -o FILE.xlf, all inputs go into that one XLIFF, one <file> each. The XLIFF carries the original document (its skeleton), so `l10n merge` needs nothing else. If any input is bad, nothing is written.
            """)

    @Argument(help: ArgumentHelp("Markdown (.md) or HTML (.html) files.", valueName: "file"))
    var files: [String]

    @Option(name: [.customShort("t"), .long], help: ArgumentHelp("The language to translate into (BCP 47, e.g. pt-BR).", valueName: "tag"))
    var targetLanguage: LanguageTag

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("The language of the input files.", valueName: "tag"))
    var sourceLanguage: LanguageTag = LanguageTag("en-US")!

    @Option(name: .shortAndLong, help: ArgumentHelp("An output folder, or one .xlf file for all inputs.", valueName: "path"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("XLIFF version to write (1.2 for older CAT tools).", valueName: "version"))
    var xliffVersion: XLIFFVersion = .v2_1

    @OptionGroup var segmentation: SegmentationOptions

    func run() throws {
        let extractor = try Engine.extractor(srx: segmentation.srx, segment: !segmentation.noSegmentation)
        let writer = XLIFFWriter(version: xliffVersion)
        var documents: [(input: String, document: Document)] = []
        var failures: [ExitCode] = []
        for file in files {
            do {
                documents.append((file, try extractor.extract(path: file, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)))
            } catch {
                failures.append(ExitStatus.report(error))
            }
        }
        if let worst = ExitStatus.worst(failures) {
            Console.note("nothing written: \(failures.count) of \(files.count) input(s) failed")
            throw worst
        }

        let batch = OutputBatch()
        do {
            if let output, !OutputNaming.isDirectoryLike(output) {
                try batch.stage(writer.write(documents.map(\.document)), to: output)
            } else {
                for (input, document) in documents {
                    let name = OutputNaming.localizedFileName(for: input, language: targetLanguage.rawValue, extension: "xlf")
                    try batch.stage(writer.write([document]), to: OutputNaming.path(name, besides: input, in: output))
                }
            }
            try batch.commit()
        } catch {
            batch.discard()
            throw ExitStatus.report(error)
        }
        let segments = documents.reduce(0) { $0 + $1.document.segmentCount }
        let units = documents.reduce(0) { $0 + $1.document.units.count }
        for path in batch.destinations { Console.out("wrote \(path)") }
        Console.note("\(documents.count) file(s), \(units) unit(s), \(segments) segment(s) to translate into \(targetLanguage)")
    }
}

extension XLIFFVersion: ExpressibleByArgument {
    public static var allValueStrings: [String] { ["2.1", "2.0", "2.2", "1.2"] }
}
