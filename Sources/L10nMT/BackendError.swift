import L10nCore

/// A backend call that failed as a whole, or a backend that cannot be set up.
///
/// A struct with an open set of codes (backends to come add reasons without breaking callers).
/// Its description names the backend, the HTTP status and a reason, never segment text or keys;
/// for a service that refused a request, what the service said (``serviceMessage``), keys taken out.
public struct BackendError: L10nError, Hashable {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// No backend with that id is registered.
        public static let unknownBackend = Code(rawValue: "unknown-backend")
        /// A required option or key is missing or invalid.
        public static let misconfigured = Code(rawValue: "misconfigured")
        /// The language pair is not one the backend translates.
        public static let unsupportedLanguages = Code(rawValue: "unsupported-languages")
        /// The service refused the credentials.
        public static let unauthorized = Code(rawValue: "unauthorized")
        /// The account's quota is used up.
        public static let quotaExceeded = Code(rawValue: "quota-exceeded")
        /// Too many requests; ``BackendError/retryAfter`` says when to try again.
        public static let rateLimited = Code(rawValue: "rate-limited")
        /// The service cannot be reached or answered with a server error.
        public static let unavailable = Code(rawValue: "unavailable")
        /// The answer broke the contract (wrong count, unparseable body, codes lost).
        public static let invalidResponse = Code(rawValue: "invalid-response")
    }

    public var code: Code
    public var backend: String
    public var message: String
    /// The HTTP status, for HTTP backends.
    public var httpStatus: Int?
    /// Seconds to wait before retrying, when the service said.
    public var retryAfter: Double?
    /// The service's own words from its error body (``ServiceErrorMessage``): short, one line,
    /// without keys. The reason is often only there (an unsupported language, an unknown model).
    public var serviceMessage: String?

    public init(_ code: Code, backend: String, _ message: String, httpStatus: Int? = nil, retryAfter: Double? = nil,
                serviceMessage: String? = nil) {
        self.code = code
        self.backend = backend
        self.message = message
        self.httpStatus = httpStatus
        self.retryAfter = retryAfter
        self.serviceMessage = serviceMessage
    }

    public var description: String {
        "backend \(backend): \(message)" + (httpStatus.map { " (HTTP \($0))" } ?? "")
            + (serviceMessage.map { "; the service said: \"\($0)\"" } ?? "")
    }

    /// Set-up problems are the user's to fix on the command line; the rest is the service's.
    public var exitCategory: ExitCategory {
        switch code {
        case .unknownBackend, .misconfigured, .unsupportedLanguages: return .usage
        default: return .unavailable
        }
    }
}
