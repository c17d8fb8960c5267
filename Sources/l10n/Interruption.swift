import Foundation
import L10nPipeline

/// Ctrl-C (SIGINT) and SIGTERM cancel the run instead of killing the process, so a run stopped
/// half-way removes its staged files and commits none of its outputs (``ExitCategory/interrupted``,
/// exit 130): in-flight HTTP requests and waits are cancelled, stages stop at their next check,
/// and whatever finishes anyway is refused at the commit. A second signal ends the process at
/// once, for a run that does not stop soon enough.
final class Interruption: @unchecked Sendable {
    // @unchecked: `sources` is written once in `init`; the flag is atomic.
    private let sources: [any DispatchSourceSignal]
    private static let requested = OnceFlag()

    /// Whether a signal asked the run to stop.
    static var wasRequested: Bool { requested.isSet }

    /// Watches SIGINT and SIGTERM for as long as the value lives; the first calls `cancel`.
    init(cancel: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                guard Self.requested.set() else { _exit(ExitCategory.interrupted.code) }
                FileHandle.standardError.write(Data("interrupted: stopping; no output of this run will be written (press Ctrl-C again to quit at once)\n".utf8))
                cancel()
            }
            source.resume()
            return source
        }
    }

    deinit { sources.forEach { $0.cancel() } }
}

/// A flag set once, from any thread.
private final class OnceFlag: @unchecked Sendable {
    // @unchecked: `value` is only touched while holding `lock`.
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    /// Sets the flag; true when it was not set before.
    func set() -> Bool { lock.withLock { defer { value = true }; return !value } }
}
