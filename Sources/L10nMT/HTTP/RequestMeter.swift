import Foundation

/// Counts the HTTP requests a piece of work really sends — every attempt, retries and answers
/// asked for again included — for the report, which otherwise knows only how many times it
/// called the backend. Set as a task-local around a call (``current``), so no backend's signature
/// carries it and concurrent documents each count their own.
public final class RequestMeter: Sendable {
    /// The meter of the work running now, if any; ``ReliableHTTPClient`` counts into it.
    @TaskLocal public static var current: RequestMeter?

    private let lock = NSLock()
    nonisolated(unsafe) private var sent = 0

    public init() {}

    /// Requests counted so far.
    public var count: Int { lock.withLock { sent } }

    func record() { lock.withLock { sent += 1 } }
}
