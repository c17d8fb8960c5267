import ArgumentParser
import Foundation
import L10nPipeline

struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Rebuild localized documents from XLIFF files written by `l10n extract`.",
        discussion: """
            Each <file> of each XLIFF becomes <stem>.<target-language>.<ext> beside the XLIFF (or in the folder given with -o; with one document, -o may name the output file). Segments without a target fall back to their source. If any XLIFF is bad, nothing is written. XLIFF files are merged one at a time per job and written as they are done, so memory follows the largest file, not the whole batch; the output does not depend on --jobs.
            """)

    @Argument(help: ArgumentHelp("XLIFF 2.x or 1.2 files written by `l10n extract` (and translated).", valueName: "xliff"))
    var files: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("An output folder, or the output file when there is one document.", valueName: "path"))
    var output: String?

    @OptionGroup var parallelism: JobsOption

    /// One merged document: where it goes (unless it is the only one and -o names a file) and its bytes.
    private struct Merged: Sendable {
        var path: String
        var data: Data
    }

    func run() async throws {
        let localizer = Localizer()
        let output = self.output
        // -o names the output file only when the whole run gives exactly one document, so the
        // first merged document waits until a second one shows up (or the run ends).
        let outputFile = output.flatMap { OutputNaming.isDirectoryLike($0, fileExtensions: FormatRegistry.builtIn.supportedExtensions) ? nil : $0 }
        var holding = outputFile != nil
        var pending: Merged?
        let batch = OutputBatch()
        var failures: [ExitCode] = []
        var writeError: (any Error)?
        var count = 0

        func stage(_ merged: Merged) {
            guard writeError == nil else { return }
            do {
                try batch.stage(merged.data, to: merged.path)
            } catch {
                writeError = error
                batch.discard()
            }
        }

        try await OrderedWork.run(files, jobs: parallelism.jobs, cost: InputFile.size, weight: { (try? $0.get().reduce(0) { $0 + $1.data.count }) ?? 0 }) { file -> Result<[Merged], any Error> in
            Result {
                try localizer.merge(xliff: InputFile.read(file), name: file).map { document in
                    let name = OutputNaming.localizedFileName(for: document.original, language: document.targetLanguage ?? "merged")
                    return Merged(path: OutputNaming.path(name, besides: file, in: output), data: document.bytes)
                }
            }
        } deliver: { _, result in
            switch result {
            case .failure(let error):
                failures.append(ExitStatus.report(error))
                pending = nil
                batch.discard()
            case .success(let documents):
                count += documents.count
                guard failures.isEmpty else { return }
                for merged in documents {
                    guard holding else { stage(merged); continue }
                    if let first = pending {
                        // A second document: -o is a folder after all.
                        holding = false
                        pending = nil
                        stage(first)
                        stage(merged)
                    } else {
                        pending = merged
                    }
                }
            }
        }
        if let worst = ExitStatus.worst(failures) {
            batch.discard()
            Console.note("nothing written: \(failures.count) of \(files.count) XLIFF file(s) failed")
            throw worst
        }
        if let only = pending, let outputFile { stage(Merged(path: outputFile, data: only.data)) }
        do {
            if let writeError { throw writeError }
            try batch.commit()
        } catch {
            batch.discard()
            throw ExitStatus.report(error)
        }
        for path in batch.destinations { Console.out("wrote \(path)") }
        Console.note("\(count) document(s) merged")
    }
}
