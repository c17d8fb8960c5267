import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One long-lived Apertium pipeline for one mode: started once, fed whole batches of
/// NUL-terminated segments, answering one NUL-terminated translation each (Apertium's null-flush
/// mode), so a page costs one process start per mode, not one per segment.
///
/// It runs the mode's pipeline itself (`apertium-wblank-mode -z` turns the `.mode` file into
/// one with every program in null-flush mode) rather than the `apertium` script: the script's
/// gawk wrappers hold back each flush until the next two segments arrive. Unknown-word marks are
/// off (`-n` for the generator, what `apertium -u` passes).
final class ApertiumProcess: Sendable {
    let mode: ApertiumMode
    private let child: FilterProcess

    init(mode: ApertiumMode, installation: ApertiumInstallation) throws(BackendError) {
        self.mode = mode
        let pipeline = try Self.pipeline(for: mode, installation: installation)
        do {
            // $1: the generator's option (-n: no unknown-word marks); $2: the tagger's (none).
            child = try FilterProcess(executable: URL(fileURLWithPath: "/bin/bash"), arguments: ["-c", pipeline, "apertium-\(mode.name)", "-n", ""],
                                      environment: Self.environment(installation), label: "l10n.apertium.\(mode.name)")
        } catch {
            throw BackendError(.unavailable, backend: ApertiumBackend.id, "cannot start the \(mode.name) pipeline: \(error.localizedDescription)")
        }
    }

    var isRunning: Bool { child.isRunning }

    /// The translations of `texts` (stream format, without NULs), in order. Batches from
    /// concurrent callers run one after the other.
    func translate(_ texts: [String]) async throws -> [String] {
        var payload = Data()
        for text in texts {
            payload.append(contentsOf: Array(text.utf8.filter { $0 != 0 }))
            payload.append(0)
        }
        do {
            // Apertium answers every segment with at least the `[]` we appended: an empty chunk
            // is a stray flush, not an answer.
            return try await child.exchange(payload, answers: texts.count, delimiter: 0, skipEmpty: true)
                .map { String(decoding: $0, as: UTF8.self) }
        } catch let failure as FilterProcess.Failure {
            switch failure {
            case .stopped(let answered): throw self.failure("stopped after \(answered) of \(texts.count) segments")
            case .notReading(let error): throw self.failure("did not take its input (\(error))")
            case .timedOut: throw self.failure("did not answer in time")
            }
        }
    }

    private func failure(_ what: String) -> BackendError {
        let detail = child.errorTail.map { ": \($0)" } ?? ""
        return BackendError(.unavailable, backend: ApertiumBackend.id, "the \(mode.name) pipeline \(what)\(detail)")
    }

    /// The mode's pipeline with null-flush flags, from `apertium-wblank-mode -z`.
    private static func pipeline(for mode: ApertiumMode, installation: ApertiumInstallation) throws(BackendError) -> String {
        let compiler = Process()
        compiler.executableURL = installation.modeCompiler
        compiler.arguments = ["-z", installation.file(of: mode).path]
        compiler.environment = environment(installation)
        let out = Pipe()
        compiler.standardOutput = out
        compiler.standardError = FileHandle.nullDevice
        do { try compiler.run() } catch {
            throw BackendError(.unavailable, backend: ApertiumBackend.id,
                               "cannot run \(installation.modeCompiler.path) (is Apertium installed? set APERTIUM_PATH): \(error.localizedDescription)")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        compiler.waitUntilExit()
        let pipeline = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard compiler.terminationStatus == 0, !pipeline.isEmpty else {
            throw BackendError(.unavailable, backend: ApertiumBackend.id, "apertium-wblank-mode could not read \(installation.file(of: mode).path)")
        }
        return pipeline
    }

    /// The programs folder first on the PATH (the pipeline names programs without a folder) and a
    /// UTF-8 locale, as the `apertium` script sets.
    private static func environment(_ installation: ApertiumInstallation) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = installation.programs.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["LC_ALL"] = "C.UTF-8"
        return environment
    }
}
