import ArgumentParser
import Foundation
import L10nCore
import L10nFormats
import L10nPipeline

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Rebuild localized documents from XLIFF files written by `l10n extract`.",
        discussion: """
            Each <file> of each XLIFF becomes <stem>.<target-language>.<ext> beside the XLIFF (or in the folder given with -o; with one document, -o may name the output file). Segments without a target fall back to their source. If any XLIFF is bad, nothing is written.
            """)

    @Argument(help: ArgumentHelp("XLIFF 2.x or 1.2 files written by `l10n extract` (and translated).", valueName: "xliff"))
    var files: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("An output folder, or the output file when there is one document.", valueName: "path"))
    var output: String?

    func run() throws {
        let merger = DocumentMerger(formats: Engine.formats)
        var results: [(path: String, data: Data)] = []
        var failures: [ExitCode] = []
        var count = 0
        for file in files {
            do {
                let documents = try XLIFFReader().read(InputFile.read(file), file: file)
                for document in documents {
                    let data = try merger.merge(document)
                    let name = OutputNaming.localizedFileName(for: document.original, language: document.targetLanguage ?? "merged")
                    results.append((OutputNaming.path(name, besides: file, in: output), data))
                }
                count += documents.count
            } catch {
                failures.append(ExitStatus.report(error))
            }
        }
        if let worst = ExitStatus.worst(failures) {
            Console.note("nothing written: \(failures.count) of \(files.count) XLIFF file(s) failed")
            throw worst
        }
        let batch = OutputBatch()
        do {
            if let output, results.count == 1, !OutputNaming.isDirectoryLike(output) {
                try batch.stage(results[0].data, to: output)
            } else {
                for result in results { try batch.stage(result.data, to: result.path) }
            }
            try batch.commit()
        } catch {
            batch.discard()
            throw ExitStatus.report(error)
        }
        for path in batch.destinations { Console.out("wrote \(path)") }
        Console.note("\(count) document(s) merged")
    }
}
