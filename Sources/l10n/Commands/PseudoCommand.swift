import ArgumentParser
import Foundation
import L10nPipeline

struct PseudoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pseudo",
        abstract: "Pseudo-localize documents: accents, ~30% expansion, brackets, markup intact.",
        discussion: """
            Runs the whole pipeline offline (extract, translate with the pseudo backend, write and read back the XLIFF, merge) and writes <stem>.<target-language>.<ext>. Use it to see that every string is reached and that markup, URLs and model numbers survive translation.
            """)

    @Argument(help: ArgumentHelp("Markdown (.md) or HTML (.html) files.", valueName: "file"))
    var files: [String]

    @Option(name: [.customShort("t"), .long], help: ArgumentHelp("The language tag to write (qps is the conventional pseudo-locale).", valueName: "tag"))
    var targetLanguage: LanguageTag = LanguageTag("qps")!

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("The language of the input files.", valueName: "tag"))
    var sourceLanguage: LanguageTag = LanguageTag("en-US")!

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder (default: beside each input).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Also write the pseudo-translated XLIFF.")
    var xliff = false

    @Option(name: .long, help: ArgumentHelp("XLIFF version for --xliff.", valueName: "version"))
    var xliffVersion: XLIFFVersion = .v2_1

    @OptionGroup var segmentation: SegmentationOptions

    func run() async throws {
        let localizer = try segmentation.localizer()
        // Outputs are staged as they are made (memory follows one document); visible only at commit.
        let batch = OutputBatch()
        var failures: [ExitCode] = []
        var segments = 0
        for file in files {
            do {
                let source = SourceDocument(bytes: try InputFile.read(file), name: file, language: sourceLanguage)
                let pseudo = try await localizer.pseudoLocalize(source, targetLanguage: targetLanguage, xliffVersion: xliffVersion)
                let ext = URL(fileURLWithPath: file).pathExtension
                if failures.isEmpty {
                    try batch.stage(pseudo.document, to: OutputNaming.path(OutputNaming.localizedFileName(for: file, language: targetLanguage.rawValue, extension: ext), besides: file, in: output))
                }
                if xliff, failures.isEmpty {
                    try batch.stage(pseudo.xliff, to: OutputNaming.path(OutputNaming.localizedFileName(for: file, language: targetLanguage.rawValue, extension: "xlf"), besides: file, in: output))
                }
                segments += pseudo.segments
            } catch {
                failures.append(ExitStatus.report(error))
            }
        }
        if let worst = ExitStatus.worst(failures) {
            batch.discard()
            Console.note("nothing written: \(failures.count) of \(files.count) input(s) failed")
            throw worst
        }
        do {
            try batch.commit()
        } catch {
            batch.discard()
            throw ExitStatus.report(error)
        }
        for path in batch.destinations { Console.out("wrote \(path)") }
        Console.note("\(files.count) file(s), \(segments) segment(s) pseudo-localized")
    }
}
