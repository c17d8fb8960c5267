import Foundation
import L10nCore

/// Any program as a translation engine: it is started once (`/bin/sh -c COMMAND`) and speaks
/// ``CommandWire``'s JSON lines on its standard input and output — a wrapper around an in-house
/// engine, a local model, or a script that looks strings up in a spreadsheet.
///
/// A program that exits, answers garbage or takes longer than `timeout` seconds for a batch ends
/// the call with a ``BackendError`` naming the last line it wrote to standard error; a segment it
/// reports as failed stays untranslated with a finding.
public final class CommandBackend: TranslationBackend, @unchecked Sendable {
    // @unchecked: `child` and `nextID` are only touched while holding `lock`.
    public static let id = "command"
    public static let commandOption = BackendOption(name: "command", environment: "L10N_MT_COMMAND",
                                                    summary: "the program and its arguments, run with /bin/sh -c", isRequired: true)
    public static let timeoutOption = BackendOption(name: "timeout", environment: "L10N_MT_COMMAND_TIMEOUT",
                                                    summary: "seconds to wait for a batch's answer (default 120)")

    public static let descriptor = BackendDescriptor(
        id: id, displayName: "Command", summary: "Any program speaking l10n's JSON-lines protocol on stdin/stdout (docs/command-backend.md).",
        options: [commandOption, timeoutOption], limits: BatchLimits(maxSegments: 50, maxCharacters: 20_000), supportsInlineCodes: true,
        supportsFormality: true, supportsContext: true, producesDrafts: true)

    public var descriptor: BackendDescriptor { Self.descriptor }
    private let command: String
    private let timeout: Duration
    private let lock = NSLock()
    private var child: FilterProcess?
    private var nextID = 1

    public init(configuration: BackendConfiguration) throws {
        guard let command = configuration.value(for: Self.commandOption), !command.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw BackendError(.misconfigured, backend: Self.id, "name the program with --command or \(Self.commandOption.environment!)")
        }
        self.command = command
        timeout = try configuration.seconds(for: Self.timeoutOption, backend: Self.id) ?? .seconds(120)
    }

    /// The running program (started on first use, again after it stopped) and the next request id.
    private func session() throws -> (FilterProcess, Int) {
        lock.lock()
        defer { lock.unlock() }
        if child == nil || child?.isRunning == false {
            do {
                child = try FilterProcess(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", command], label: "l10n.command")
            } catch {
                throw BackendError(.unavailable, backend: Self.id, "cannot start /bin/sh: \(error.localizedDescription)")
            }
        }
        defer { nextID += 1 }
        return (child!, nextID)
    }

    /// The program is the engine: another command answers otherwise.
    public var outputSettings: [String] { ["command=\(command)"] }

    public func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        guard !batch.isEmpty else { return [] }
        try Task.checkCancellation()
        let (child, id) = try session()
        let (line, codes) = try CommandWire.request(id: id, batch: batch, context: context)
        let answer: Data
        do {
            answer = try await child.exchange(line, answers: 1, delimiter: 0x0A, skipEmpty: true, timeout: timeout)[0]
        } catch let failure as FilterProcess.Failure {
            let detail = child.errorTail.map { ": \($0)" } ?? ""
            switch failure {
            case .stopped:
                let status = child.exitStatus.map { " (exit status \($0))" } ?? ""
                throw BackendError(.unavailable, backend: Self.id, "the program stopped without answering\(status)\(detail)")
            case .notReading: throw BackendError(.unavailable, backend: Self.id, "the program does not read its input\(detail)")
            case .timedOut: throw BackendError(.unavailable, backend: Self.id, "no answer within \(timeout)\(detail)")
            }
        }
        return try CommandWire.results(answer, id: id, batch: batch, codes: codes, backend: Self.id)
    }
}
