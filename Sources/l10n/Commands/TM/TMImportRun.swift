import ArgumentParser
import Foundation
import L10nPipeline

/// What `tm import`, `tm learn` and `glossary import` share: import each file, print what happened (skipped units
/// with their lines on standard error), and exit with the worst failure after trying them all.
enum TMImportRun {
    /// `inputCheck` vets each path before it is imported (default: a file within the size limit,
    /// TMX up to 2 GiB).
    static func run(_ files: [String], output: OutputFormatOption, inputCheck: (String) throws -> Void = defaultCheck,
                    _ importFile: (String) async throws -> ImportSummary) async throws {
        var summaries: [ImportSummary] = []
        var failures: [ExitCode] = []
        for file in files {
            do {
                try inputCheck(file)
                let summary = try await importFile(file)
                summaries.append(summary)
                for skipped in summary.skipped {
                    Console.note("\(file)\(skipped.line.map { ":\($0)" } ?? ""): skipped: \(skipped.reason)")
                }
                if !output.isJSON {
                    Console.out("\(file): \(summary.read) read, \(summary.added) added, \(summary.updated) updated, \(summary.skipped.count) skipped"
                                + (summary.removed.map { ", \($0) removed" } ?? ""))
                }
            } catch {
                failures.append(ExitStatus.report(error))
            }
        }
        if output.isJSON { try output.printJSON(summaries) }
        if let worst = ExitStatus.worst(failures) { throw worst }
    }

    static func defaultCheck(_ file: String) throws {
        try InputFile.check(file, limit: file.lowercased().hasSuffix(".tmx") ? Int(Int32.max) : InputFile.maximumSize)
    }
}
