import Foundation

/// Runs the `l10n` executable that this build produced, as a user or a CI job would.
///
/// `L10nEndToEndTests` lists the `l10n` target among its dependencies, so `swift build
/// --build-tests` and `swift test` build it into the same products folder as the test bundle.
/// That binary, and only that one, is run: if it is missing the run throws, naming the path, so
/// a test can never pass against a stale or unrelated `l10n` found somewhere else.
public enum CLI {
    /// What a run printed and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The build products folder (`.build/<triple>/debug`) the running test bundle lives in.
    public static var productsDirectory: URL {
        #if os(macOS)
        // The test bundle is `<products>/l10nPackageTests.xctest`, loaded into a runner process.
        if let bundle = Bundle.allBundles.first(where: { $0.bundleURL.pathExtension == "xctest" }) {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        #endif
        // On Linux the test bundle is itself the executable, `<products>/l10nPackageTests.xctest`.
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// Where the `l10n` executable built with the tests must be.
    public static var executable: URL { productsDirectory.appendingPathComponent("l10n") }

    /// The prefixes of the variables that point `l10n` at an online translation service (its key,
    /// its URL, its project): a developer's own `DEEPL_AUTH_KEY` must not send a test's pages to
    /// DeepL — no network in tests — so ``run(_:in:environment:)`` passes none of them on that the
    /// test did not set itself. `BackendRegistryTests` checks every online backend's variables
    /// start with one of these.
    public static let onlineEngineVariablePrefixes = ["DEEPL_", "GOOGLE_", "OPENAI_", "LIBRETRANSLATE_"]

    /// Runs `l10n arguments` in `directory` (default: the current one). `environment` changes
    /// or, with nil values, removes variables of the test process's environment; online
    /// engines' variables (``onlineEngineVariablePrefixes``) are passed only when given here.
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String?] = [:]) throws -> Result {
        try start(arguments, in: directory, environment: environment).wait()
    }

    /// Starts `l10n arguments` like ``run(_:in:environment:)`` and returns at once, for a test
    /// that acts on the running process (interrupts it).
    public static func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String?] = [:]) throws -> Running {
        let executable = self.executable
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw TestSupportError("""
                no l10n executable at \(executable.path): the end-to-end tests run the binary built \
                with them (L10nEndToEndTests depends on the l10n target); build it with \
                `swift build --build-tests` or run `swift test`
                """)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment.filter { key, _ in
            !onlineEngineVariablePrefixes.contains { key.hasPrefix($0) }
        }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return try Running(process)
    }

    /// A started `l10n`: its output is read as it comes (a full pipe never blocks it).
    public final class Running: @unchecked Sendable {
        // @unchecked: each output is written by its reader before `group` is left, read after.
        private let process: Process
        private let group = DispatchGroup()
        private var stdout = Data(), stderr = Data()

        init(_ process: Process) throws {
            self.process = process
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            group.enter()
            DispatchQueue.global().async {
                self.stdout = out.fileHandleForReading.readDataToEndOfFile()
                self.group.leave()
            }
            group.enter()
            DispatchQueue.global().async {
                self.stderr = err.fileHandleForReading.readDataToEndOfFile()
                self.group.leave()
            }
        }

        /// A test that stops early (a failed expectation, its time limit) leaves no process behind.
        deinit { if process.isRunning { process.terminate() } }

        /// Sends SIGINT, as Ctrl-C in a terminal does.
        public func interrupt() { process.interrupt() }

        /// Waits for the process to end and returns what it did.
        public func wait() -> Result {
            process.waitUntilExit()
            group.wait()
            return Result(status: process.terminationStatus,
                          stdout: String(decoding: stdout, as: UTF8.self),
                          stderr: String(decoding: stderr, as: UTF8.self))
        }
    }
}
