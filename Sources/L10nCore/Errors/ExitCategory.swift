/// What kind of failure ended a run, and the process exit code it maps to.
///
/// The codes are the BSD `sysexits.h` values CI systems already know. This enum is the single
/// source of the exit-code table: `l10n --help` and the README's table are generated from
/// ``allCases`` (a test keeps the README in step), and every error type declares its category
/// next to its definition (``L10nError``), so a new module's errors map to the right code
/// without editing a central switch.
public enum ExitCategory: Int32, Hashable, Sendable, CaseIterable, Comparable {
    /// Everything asked was done.
    case success = 0
    /// The run worked but what it examined failed its checks (`validate`: a file is not valid
    /// XLIFF; `qa`, `adapt --qa`: a quality finding of error severity).
    case findings = 1
    /// The command line is wrong: an unknown option, a malformed language tag, an unknown market or backend.
    case usage = 64
    /// An input's content cannot be used: invalid UTF-8, binary or empty files, malformed
    /// XML/XLIFF, DTD entities (XXE, entity bombs), bad market or rates data.
    case dataError = 65
    /// An input file is missing or unreadable.
    case noInput = 66
    /// A translation service or a shared memory server failed or refused: unreachable,
    /// unauthorized, over quota.
    case unavailable = 69
    /// A bug in l10n.
    case software = 70
    /// An output cannot be written.
    case cannotCreate = 73
    /// Interrupted (Ctrl-C, SIGINT) or terminated (SIGTERM): the run stopped and wrote nothing.
    case interrupted = 130

    /// The process exit code.
    public var code: Int32 { rawValue }

    /// One line for the exit-code table.
    public var meaning: String {
        switch self {
        case .success: return "success"
        case .findings: return "`validate`: a file is not valid XLIFF; `qa`, `adapt --qa`: a quality finding of error severity; `batch`: a finding at or above `qa.failOn`; `batch --check`: an output is out of date"
        case .usage: return "usage error: unknown option or value, malformed language tag, unknown market or backend, a mistake in the project file (`l10n.yaml`)"
        case .dataError: return "bad input data: invalid UTF-8, binary or empty file, malformed XML/XLIFF, DTD entities (XXE, entity bombs), bad market or rates data"
        case .noInput: return "an input file is missing or unreadable"
        case .unavailable: return "a translation backend or a PostgreSQL memory failed or refused (unreachable, unauthorized, over quota)"
        case .software: return "internal error (a bug: please report it)"
        case .cannotCreate: return "an output cannot be written"
        case .interrupted: return "interrupted (Ctrl-C) or terminated: the run stopped and wrote none of its outputs, earlier ones untouched (a memory import keeps the batches it had stored)"
        }
    }

    /// How bad it is, for picking the one code of a run with several failures: a bug beats an
    /// unwritable output beats a missing input beats bad data beats a usage error.
    public var severityRank: Int {
        switch self {
        case .success: return 0
        case .findings: return 1
        case .usage: return 2
        case .dataError: return 3
        case .unavailable: return 4
        case .noInput: return 5
        case .cannotCreate: return 6
        case .software: return 7
        case .interrupted: return 8
        }
    }

    public static func < (a: ExitCategory, b: ExitCategory) -> Bool { a.severityRank < b.severityRank }

    /// The most severe of several outcomes, or nil for none.
    public static func worst<S: Sequence>(_ categories: S) -> ExitCategory? where S.Element == ExitCategory {
        categories.max()
    }

    /// The exit-code table as Markdown (the README's copy is compared with this).
    public static var markdownTable: String {
        var lines = ["| code | meaning |", "|---|---|"]
        for c in allCases { lines.append("| \(c.code) | \(c.meaning) |") }
        return lines.joined(separator: "\n")
    }

    /// The exit-code table as plain text for `--help`, wrapped to fit 80 columns. (Built on every
    /// start, for the root command's help: backquotes are dropped by `filter`, not Foundation's
    /// `replacingOccurrences`, which cost ≈ 3.9 M instructions a process.)
    public static var plainTable: String {
        allCases.map { c in
            let code = String(c.code)
            var lines: [String] = []
            var line = "  " + code + String(repeating: " ", count: max(1, 4 - code.count))
            var fresh = true
            for word in c.meaning.filter({ $0 != "`" }).split(separator: " ") {
                if !fresh, line.count + 1 + word.count > 78 {
                    lines.append(line)
                    line = String(repeating: " ", count: 6)
                    fresh = true
                }
                line += (fresh ? "" : " ") + word
                fresh = false
            }
            lines.append(line)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
