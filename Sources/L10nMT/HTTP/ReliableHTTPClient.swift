import Foundation

/// An ``HTTPTransport`` with the manners every HTTP backend needs: retries with exponential
/// backoff and jitter on 429, 500, 502, 503, 504 and on no answer (honouring `Retry-After`), no
/// retry where retrying cannot help (400, 401, 403, 413, 456, other 4xx), a concurrency limit,
/// and ``BackendError``s that name the backend and the variable to check, never a key, a URL
/// query or segment text, with what the service said in its error body
/// (``BackendError/serviceMessage``, from ``ServiceErrorMessage``) with the keys taken out.
public struct ReliableHTTPClient: Sendable {
    public var backend: String
    /// The variables a user would check on 401/403/456 (`DEEPL_AUTH_KEY`) and on a bad URL.
    public var keyVariable: String?
    public var urlVariable: String?
    public var policy: HTTPPolicy
    private let transport: any HTTPTransport
    private let limiter: ConcurrencyLimiter
    private let sleep: @Sendable (Duration) async throws -> Void
    private let jitter: @Sendable () -> Double
    /// Kept out of every error: the backend's key (a service may echo it back).
    private let secrets: [String]

    /// `sleep` and `jitter` are injected so tests check the waits without waiting. `secrets`: the
    /// key(s) to keep out of errors, besides the credentials each request carries in its headers.
    public init(backend: String, transport: any HTTPTransport, policy: HTTPPolicy = HTTPPolicy(), keyVariable: String? = nil,
                urlVariable: String? = nil, secrets: [String] = [],
                sleep: (@Sendable (Duration) async throws -> Void)? = nil,
                jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }) {
        self.backend = backend
        self.secrets = secrets
        self.transport = transport
        self.policy = policy
        self.keyVariable = keyVariable
        self.urlVariable = urlVariable
        self.limiter = ConcurrencyLimiter(limit: policy.maxConcurrentRequests)
        self.sleep = sleep ?? { try await Task.sleep(for: $0) }
        self.jitter = jitter
    }

    /// The 2xx response to `request`, after retries; else the ``BackendError`` that ends the call.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let host = request.url.host ?? "the service"
        let secrets = self.secrets + Self.credentials(in: request)
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            let outcome: Result<HTTPResponse, HTTPTransportError>
            RequestMeter.current?.record()
            do {
                outcome = .success(try await limiter.run { try await transport.send(request, timeout: policy.requestTimeout) })
            } catch let error as HTTPTransportError {
                outcome = .failure(error)
            }
            let last = attempt >= policy.maxAttempts
            switch outcome {
            case .failure(let error):
                if last {
                    throw BackendError(.unavailable, backend: backend, "no answer from \(host) after \(attempt) attempt(s) (\(error.kind.rawValue))\(check(urlVariable))")
                }
                try await sleep(policy.backoff(after: attempt, jitter: jitter()))
            case .success(let response):
                if (200..<300).contains(response.status) { return response }
                if var error = refusal(response, host: host) {
                    error.serviceMessage = ServiceErrorMessage.message(in: response.body, secrets: secrets)
                    throw error
                }
                // Retryable: 429 and server errors.
                let asked = response.retryAfter()
                if last || asked.map({ Duration.seconds($0) > policy.maxRetryAfter }) == true {
                    var error = failure(response, host: host, attempt: attempt, retryAfter: asked)
                    error.serviceMessage = ServiceErrorMessage.message(in: response.body, secrets: secrets)
                    throw error
                }
                try await sleep(asked.map { Duration.seconds($0) } ?? policy.backoff(after: attempt, jitter: jitter()))
            }
        }
    }

    /// The error for a status retrying cannot fix, or nil when it is worth retrying.
    private func refusal(_ response: HTTPResponse, host: String) -> BackendError? {
        let status = response.status
        switch status {
        case 429, 500, 502, 503, 504, 529: return nil
        case 401, 403:
            return BackendError(.unauthorized, backend: backend, "\(host) refused the credentials\(check(keyVariable))", httpStatus: status)
        case 456:
            return BackendError(.quotaExceeded, backend: backend, "the account's quota is used up\(check(keyVariable))", httpStatus: status)
        case 404:
            return BackendError(.misconfigured, backend: backend, "\(host) has no such endpoint\(check(urlVariable))", httpStatus: status)
        case 413:
            return BackendError(.invalidResponse, backend: backend, "\(host) found the request too large", httpStatus: status)
        default:
            // Google answers a bad key with 400: name the key's variable here too.
            return BackendError(status < 500 ? .invalidResponse : .unavailable, backend: backend, "\(host) rejected the request\(check(keyVariable))",
                                httpStatus: status)
        }
    }

    private func failure(_ response: HTTPResponse, host: String, attempt: Int, retryAfter: Double?) -> BackendError {
        let limited = response.status == 429 || response.status == 529
        return BackendError(limited ? .rateLimited : .unavailable, backend: backend,
                            "\(host) \(limited ? "kept limiting the rate" : "kept failing") after \(attempt) attempt(s)", httpStatus: response.status,
                            retryAfter: retryAfter)
    }

    private func check(_ variable: String?) -> String { variable.map { "; check \($0)" } ?? "" }

    /// The credentials `request` carries in its headers (whole values, and the part after an
    /// auth scheme such as `Bearer`), so an error never shows them even if the service echoes them.
    static func credentials(in request: HTTPRequest) -> [String] {
        let names: Set<String> = ["authorization", "proxy-authorization", "x-goog-api-key", "x-api-key", "api-key"]
        return request.headers.filter { names.contains($0.name.lowercased()) }.flatMap { header -> [String] in
            let value = header.value.trimmingCharacters(in: .whitespaces)
            guard let space = value.firstIndex(of: " ") else { return [value] }
            return [value, String(value[value.index(after: space)...]).trimmingCharacters(in: .whitespaces)]
        }
    }
}
