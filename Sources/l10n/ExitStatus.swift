import ArgumentParser
import Foundation
import L10nPipeline

/// The one place that maps outcomes to exit codes. Every error type of the engine says its own
/// ``ExitCategory`` (``L10nError``); what does not is a bug. The table in `l10n --help` and in
/// the README come from ``ExitCategory`` too.
enum ExitStatus {
    static func exitCode(_ category: ExitCategory) -> ExitCode { ExitCode(category.code) }

    static let invalid = exitCode(.findings)
    static let usage = exitCode(.usage)
    static let dataError = exitCode(.dataError)
    static let interrupted = exitCode(.interrupted)

    /// The exit code for an error, after printing it to standard error.
    static func report(_ error: any Error) -> ExitCode {
        // However the stop surfaced (a cancelled request, a stage's check, the commit refused).
        if Interruption.wasRequested { return interrupted }
        switch error {
        case is CancellationError:
            return interrupted
        case let error as any L10nError:
            Console.error(error.description)
            return exitCode(error.exitCategory)
        case let error as ExitCode:
            return error
        default:
            Console.error("internal error: \(error)")
            return exitCode(.software)
        }
    }

    /// The most severe of several exit codes (a bug beats an unwritable output beats a missing
    /// input beats bad data…; see ``ExitCategory/severityRank``).
    static func worst(_ codes: [ExitCode]) -> ExitCode? {
        let categories = codes.map { ExitCategory(rawValue: $0.rawValue) ?? .software }
        return ExitCategory.worst(categories).map(exitCode)
    }
}

/// Messages for people on standard error; results on standard output.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    static func out(_ message: String) {
        print(message)
    }
}
