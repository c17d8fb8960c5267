import ArgumentParser
import Foundation
import L10nAdapt
import L10nCore
import L10nPipeline

/// The one place that maps outcomes to exit codes (documented in `l10n --help`), using the
/// BSD sysexits values CI systems already know.
enum ExitStatus {
    static let invalid = ExitCode(1)
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let software = ExitCode(70)
    static let cannotCreate = ExitCode(73)

    /// The exit code for an error, after printing it to standard error.
    static func report(_ error: any Error) -> ExitCode {
        switch error {
        case let error as FormatError:
            Console.error(error.description)
            return dataError
        case let error as MarketDataError:
            Console.error(error.description)
            return dataError
        case let error as ExchangeRatesError:
            Console.error(error.description)
            return dataError
        case let error as PipelineError:
            Console.error(error.description)
            switch error.kind {
            case .cannotReadInput: return noInput
            case .cannotWriteOutput: return cannotCreate
            case .unsupportedInput: return dataError
            case .usage: return usage
            }
        case let error as ExitCode:
            return error
        default:
            Console.error("internal error: \(error)")
            return software
        }
    }

    /// The most severe of several exit codes: a missing input beats bad data beats a bad write.
    static func worst(_ codes: [ExitCode]) -> ExitCode? {
        let order: [Int32] = [70, 73, 66, 65, 64, 1]
        return order.first { code in codes.contains { $0.rawValue == code } }.map { ExitCode(rawValue: $0) }
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
