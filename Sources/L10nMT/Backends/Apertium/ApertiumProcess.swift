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
final class ApertiumProcess: @unchecked Sendable {
    // @unchecked: `pending` is only touched on `queue`; the rest is immutable after init, and
    // `Process`/`FileHandle` are used from `queue` (and `terminate()` from anywhere, which is safe).
    let mode: ApertiumMode
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private let errors: ErrorTail
    private let queue: DispatchQueue
    private var pending: [UInt8] = []

    init(mode: ApertiumMode, installation: ApertiumInstallation) throws(BackendError) {
        Self.ignoreSIGPIPE
        self.mode = mode
        let pipeline = try Self.pipeline(for: mode, installation: installation)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        // $1: the generator's option (-n: no unknown-word marks); $2: the tagger's (none).
        process.arguments = ["-c", pipeline, "apertium-\(mode.name)", "-n", ""]
        process.environment = Self.environment(installation)
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let errors = ErrorTail()
        stderr.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil } else { errors.append(data) }
        }
        do { try process.run() } catch {
            throw BackendError(.unavailable, backend: ApertiumBackend.id, "cannot start the \(mode.name) pipeline: \(error.localizedDescription)")
        }
        self.process = process
        self.input = stdin.fileHandleForWriting
        self.output = stdout.fileHandleForReading
        self.errors = errors
        self.queue = DispatchQueue(label: "l10n.apertium.\(mode.name)")
    }

    deinit {
        try? input.close()
        if process.isRunning { process.terminate() }
    }

    var isRunning: Bool { process.isRunning }

    /// The translations of `texts` (stream format, without NULs), in order. Batches from
    /// concurrent callers run one after the other.
    func translate(_ texts: [String]) async throws -> [String] {
        try await withTaskCancellationHandler {
            let result: [String] = try await withCheckedThrowingContinuation { continuation in
                queue.async { continuation.resume(with: Result { try self.exchange(texts) }) }
            }
            try Task.checkCancellation()
            return result
        } onCancel: {
            // Ends a batch in flight: the reader sees the end of the output and returns.
            process.terminate()
        }
    }

    /// Writes the batch (on another thread, so a full pipe cannot deadlock us) while reading
    /// the answers.
    private func exchange(_ texts: [String]) throws -> [String] {
        guard process.isRunning else { throw failure("is not running") }
        var payload = Data()
        for text in texts {
            payload.append(contentsOf: Array(text.utf8.filter { $0 != 0 }))
            payload.append(0)
        }
        let writer = DispatchGroup()
        let writeError = ErrorBox()
        writer.enter()
        DispatchQueue.global().async { [input, payload] in
            do { try input.write(contentsOf: payload) } catch { writeError.set(error) }
            writer.leave()
        }
        var answers: [String] = []
        let fd = output.fileDescriptor
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while answers.count < texts.count {
            if let nul = pending.firstIndex(of: 0) {
                let bytes = Array(pending[..<nul])
                pending.removeSubrange(...nul)
                // Apertium answers every segment with at least the `[]` we appended: an empty
                // chunk is a stray flush, not an answer.
                if !bytes.isEmpty { answers.append(String(decoding: bytes, as: UTF8.self)) }
                continue
            }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                writer.wait()
                throw failure("stopped after \(answers.count) of \(texts.count) segments")
            }
            pending.append(contentsOf: chunk[..<n])
        }
        writer.wait()
        if let error = writeError.get() { throw failure("did not take its input (\(error))") }
        return answers
    }

    private func failure(_ what: String) -> BackendError {
        let detail = errors.text.map { ": \($0)" } ?? ""
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

    /// A pipeline that dies must end a write with an error, not the whole program with SIGPIPE.
    private static let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()
}

/// The last lines a pipeline wrote to stderr, for error messages.
private final class ErrorTail: @unchecked Sendable {
    // @unchecked: `data` is only touched while holding `lock`.
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) {
        lock.lock(); defer { lock.unlock() }
        data.append(more)
        if data.count > 2_048 { data = data.suffix(2_048) }
    }

    var text: String? {
        lock.lock(); defer { lock.unlock() }
        let s = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return s.isEmpty ? nil : String(s.split(separator: "\n").last ?? "")
    }
}

/// An error handed from the writer thread to the reader.
private final class ErrorBox: @unchecked Sendable {
    // @unchecked: `error` is only touched while holding `lock`.
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ e: any Error) { lock.lock(); error = e; lock.unlock() }
    func get() -> (any Error)? { lock.lock(); defer { lock.unlock() }; return error }
}
