import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A long-lived child process used as a filter: batches go to its standard input, delimited
/// answers come back on its standard output (Apertium's NUL-flushed pipelines, the `command`
/// backend's JSON lines). Started once, so a page costs one process start, not one per segment.
///
/// Batches from concurrent callers run one after the other; a batch is written on another thread
/// while the answers are read, so a full pipe cannot deadlock either side. The last lines the
/// child wrote to standard error are kept for error messages.
final class FilterProcess: @unchecked Sendable {
    // @unchecked: `pending` is only touched on `queue`; the rest is immutable after init, and
    // `Process`/`FileHandle` are used from `queue` (and `terminate()` from anywhere, which is safe).
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private let errors = ErrorTail()
    private let queue: DispatchQueue
    private var pending: [UInt8] = []

    /// Why a batch failed, for the backend to word its `BackendError`.
    enum Failure: Error {
        /// The output ended before every answer arrived (the child stopped or was stopped).
        case stopped(answered: Int)
        /// The child did not take its input.
        case notReading(any Error)
        case timedOut
    }

    init(executable: URL, arguments: [String], environment: [String: String]? = nil, label: String) throws {
        Self.ignoreSIGPIPE
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let errors = self.errors
        stderr.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil } else { errors.append(data) }
        }
        try process.run()
        self.process = process
        self.input = stdin.fileHandleForWriting
        self.output = stdout.fileHandleForReading
        self.queue = DispatchQueue(label: label)
    }

    deinit {
        try? input.close()
        if process.isRunning { process.terminate() }
    }

    var isRunning: Bool { process.isRunning }

    /// The last line the child wrote to standard error, if any.
    var errorTail: String? { errors.text }

    /// The exit status once the child has stopped (waiting up to a second for it to be reaped:
    /// its output ends a moment before it does).
    var exitStatus: Int32? {
        for _ in 0..<100 where process.isRunning { usleep(10_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Writes `payload`, then reads `count` answers ended by `delimiter` (without it); empty
    /// answers are skipped when `skipEmpty` (a stray flush). With `timeout`, a child that has not
    /// answered in time is stopped and the batch fails with ``Failure/timedOut``.
    func exchange(_ payload: Data, answers count: Int, delimiter: UInt8, skipEmpty: Bool = false,
                  timeout: Duration? = nil) async throws -> [Data] {
        try await withTaskCancellationHandler {
            let result: [Data] = try await withCheckedThrowingContinuation { continuation in
                queue.async { continuation.resume(with: Result { try self.run(payload, count, delimiter, skipEmpty, timeout) }) }
            }
            try Task.checkCancellation()
            return result
        } onCancel: {
            // Ends a batch in flight: the reader sees the end of the output and returns.
            process.terminate()
        }
    }

    private func run(_ payload: Data, _ count: Int, _ delimiter: UInt8, _ skipEmpty: Bool, _ timeout: Duration?) throws -> [Data] {
        guard process.isRunning else { throw Failure.stopped(answered: 0) }
        let writer = DispatchGroup()
        let writeError = ErrorBox()
        writer.enter()
        DispatchQueue.global().async { [input, payload] in
            do { try input.write(contentsOf: payload) } catch { writeError.set(error) }
            writer.leave()
        }
        // A deadline the reader keeps itself (poll), so a program that hangs — or whose own
        // children keep the pipe open after it was stopped — cannot hold the run.
        let deadline = timeout.map { ContinuousClock.now + $0 }
        var answers: [Data] = []
        let fd = output.fileDescriptor
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while answers.count < count {
            if let end = pending.firstIndex(of: delimiter) {
                let bytes = Data(pending[..<end])
                pending.removeSubrange(...end)
                if !(skipEmpty && bytes.isEmpty) { answers.append(bytes) }
                continue
            }
            if let deadline {
                let left = ContinuousClock.now.duration(to: deadline)
                let milliseconds = max(0, Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, Int32(min(milliseconds, Int(Int32.max))))
                if ready < 0, errno == EINTR { continue }
                if ready == 0 {
                    process.terminate()
                    throw Failure.timedOut
                }
            }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                writer.wait()
                throw Failure.stopped(answered: answers.count)
            }
            pending.append(contentsOf: chunk[..<n])
        }
        writer.wait()
        if let error = writeError.get() { throw Failure.notReading(error) }
        return answers
    }

    /// A child that dies must end a write with an error, not the whole program with SIGPIPE.
    private static let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()
}

/// The last lines a child wrote to stderr, for error messages.
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
