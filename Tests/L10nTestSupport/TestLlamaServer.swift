import Foundation

/// A real OpenAI-compatible server for the `openai` backend's end-to-end test: llama.cpp's own
/// server (PyPI `xllamacpp`) with SmolLM2-135M-Instruct, started by `tools/llm-server` from the
/// virtual environment `tools/setup --llm` makes (`.venv-llm/`, or `$L10N_LLM_VENV`), on a free
/// loopback port, one per test. Its standard input is a pipe this object holds: the server stops
/// when the pipe closes, so it never outlives the test process, however that ends.
public final class TestLlamaServer: @unchecked Sendable {
    /// `http://127.0.0.1:PORT/v1`, what `OPENAI_BASE_URL` takes.
    public let baseURL: String
    private let process: Process
    private let input: FileHandle
    private let log: URL

    /// The virtual environment's Python, or nil where `tools/setup --llm` has not run.
    public static var python: URL? {
        let environment = ProcessInfo.processInfo.environment
        let venv = environment["L10N_LLM_VENV"].map { URL(fileURLWithPath: $0) } ?? PackagePaths.url(".venv-llm")
        let python = venv.appendingPathComponent("bin/python")
        return FileManager.default.isExecutableFile(atPath: python.path) ? python : nil
    }

    /// Starts a server and waits (up to `timeout`) until it answers; throws with the tail of its log otherwise.
    public static func start(threads: Int = 2, timeout: Duration = .seconds(180)) throws -> TestLlamaServer {
        guard let python else { throw TestSupportError("no .venv-llm/bin/python: run tools/setup --llm") }
        let log = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("l10n-llm-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = python
        process.arguments = [PackagePaths.url("tools/llm-server").path, "--threads", "\(threads)"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()

        // The one line `ready URL`, read off the main path so a server that never says it cannot hang the test.
        let ready = ReadyLine()
        let reader = stdout.fileHandleForReading
        Thread.detachNewThread {
            var buffer = Data()
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    ready.set(String(decoding: buffer[..<newline], as: UTF8.self))
                    return
                }
            }
            ready.set(nil)
        }
        let line = ready.wait(timeout: timeout)
        guard let line, line.hasPrefix("ready ") else {
            process.terminate()
            process.waitUntilExit()
            let tail = (try? String(contentsOf: log, encoding: .utf8)).map { String($0.suffix(2_000)) } ?? ""
            try? FileManager.default.removeItem(at: log)
            throw TestSupportError("tools/llm-server did not get ready (\(line ?? "no answer")); its log ends with:\n\(tail)")
        }
        return TestLlamaServer(baseURL: String(line.dropFirst("ready ".count)), process: process, input: stdin.fileHandleForWriting, log: log)
    }

    private init(baseURL: String, process: Process, input: FileHandle, log: URL) {
        self.baseURL = baseURL
        self.process = process
        self.input = input
        self.log = log
    }

    /// The server's own log (llama.cpp's lines), for a failing test's message.
    public var logTail: String {
        (try? String(contentsOf: log, encoding: .utf8)).map { String($0.suffix(4_000)) } ?? ""
    }

    /// Closes the server's standard input (it exits at once) and waits for it; terminates it when it lingers.
    public func stop() {
        try? input.close()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: log)
    }
}

/// The first line a child printed, handed from its reading thread to the test.
private final class ReadyLine: @unchecked Sendable {
    private let condition = NSCondition()
    private var line: String?
    private var done = false

    func set(_ value: String?) {
        condition.lock()
        line = value
        done = true
        condition.broadcast()
        condition.unlock()
    }

    func wait(timeout: Duration) -> String? {
        let deadline = Date().addingTimeInterval(Double(timeout.components.seconds))
        condition.lock()
        defer { condition.unlock() }
        while !done, condition.wait(until: deadline) {}
        return line
    }
}
