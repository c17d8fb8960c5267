/// How patiently an HTTP backend talks to its service: timeouts, retries, concurrency.
public struct HTTPPolicy: Hashable, Sendable {
    /// Longest wait for a connection.
    public var connectTimeout: Duration
    /// Longest wait for a whole response (per attempt).
    public var requestTimeout: Duration
    /// Attempts per request, the first included, for 429, 5xx and no answer.
    public var maxAttempts: Int
    /// The first backoff; each further one doubles, with jitter, up to ``maxDelay``.
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// The longest `Retry-After` honoured; a server asking for more ends the call.
    public var maxRetryAfter: Duration
    /// Requests in flight at once, per backend.
    public var maxConcurrentRequests: Int

    public init(connectTimeout: Duration = .seconds(10), requestTimeout: Duration = .seconds(60), maxAttempts: Int = 4,
                baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(20), maxRetryAfter: Duration = .seconds(120),
                maxConcurrentRequests: Int = 4) {
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.maxConcurrentRequests = max(1, maxConcurrentRequests)
    }

    /// The backoff before attempt `attempt + 1` (attempt counts from 1): exponential, with
    /// "equal jitter" (half fixed, half random), so clients that failed together do not retry together.
    public func backoff(after attempt: Int, jitter: Double) -> Duration {
        let exponential = baseDelay * (1 << min(max(0, attempt - 1), 20))
        let capped = min(exponential, maxDelay)
        return capped / 2 + capped / 2 * min(max(jitter, 0), 1)
    }
}
